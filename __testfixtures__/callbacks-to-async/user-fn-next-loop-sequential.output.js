// Checks: `next()` recursion inside a callback function becomes a `while (true)` loop with an
// await: reads stay one after another, a skipped entry (`return next()`) is a `continue`, and
// the code after each read call still runs before the read completes.
const fsp = require('fs/promises');

async function printAll(files) {
  let i = 0;
  while (true) {
    if (i >= files.length) return i;
    const file = files[i++];
    if (file.startsWith('#')) continue;
    const textPromise = fsp.readFile(file, 'utf8');
    console.log('reading', file);
    const text = await textPromise;
    console.log(file, 'has', text.length, 'chars');
    setImmediate(() => console.log('immediate after', file));
  }
}

(async () => {
  const count = await printAll(['input.txt', '#skipped', 'other.txt', 'data/a.txt']);
  console.log('done with', count, 'entries');
})();
console.log('after printAll call');
