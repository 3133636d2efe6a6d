// Checks: `next()` recursion inside a callback function becomes a `while (true)` loop with an
// await: reads stay one after another, a skipped entry (`return next()`) is a `continue`, and
// the code after each read call still runs before the read completes.
const fs = require('fs');

function printAll(files, cb) {
  let i = 0;
  function next() {
    if (i >= files.length) return cb(null, i);
    const file = files[i++];
    if (file.startsWith('#')) return next();
    fs.readFile(file, 'utf8', (err, text) => {
      if (err) return cb(err);
      console.log(file, 'has', text.length, 'chars');
      setImmediate(() => console.log('immediate after', file));
      next();
    });
    console.log('reading', file);
  }
  next();
}

printAll(['input.txt', '#skipped', 'other.txt', 'data/a.txt'], (err, count) => {
  if (err) throw err;
  console.log('done with', count, 'entries');
});
console.log('after printAll call');
