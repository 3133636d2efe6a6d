// Checks: a `next()` loop whose read fails part-way stops there and passes the error on, as the
// converted loop's throw does; entries after the failure are never read.
const fsp = require('fs/promises');

async function sizes(files) {
  const out = [];
  let index = 0;
  while (true) {
    if (index === files.length) return out;
    const stats = await fsp.stat(files[index]);
    out.push(stats.size);
    index += 1;
  }
}

(async () => {
  let list;
  try {
    list = await sizes(['input.txt', 'missing.txt', 'other.txt']);
  } catch (err) {
    console.log('stopped:', err.code);
    return;
  }
  console.log('sizes:', list);
})();
console.log('after sizes call');
