// Checks: a forEach that starts one read per file, joined by a counter with a "failed" flag
// and an empty-list guard, becomes Promise.all over async items: reads still start in order,
// each item's body runs when its own read completes, and the result is returned once all are
// in. (The empty-list guard's synchronous call is reported as timing/empty-collection-timing.)
const fsp = require('fs/promises');

async function readAll(files) {
  const lengths = [];
  let pending = files.length;
  let failed = false;
  if (pending === 0) return lengths;
  const joined = Promise.all(files.map(async (file, i) => {
    let err = null;
    let text;
    try {
      text = await fsp.readFile(file, 'utf8');
    } catch (caught) {
      err = caught;
    }
    if (failed) return;
    if (err) {
      failed = true;
      throw err;
    }
    lengths[i] = text.length;
  }));
  console.log('started', files.length, 'reads');
  await joined;
  return lengths;
}

(async () => {
  const lengths = await readAll(['input.txt', 'other.txt', 'data/a.txt']);
  console.log('lengths in index order:', lengths);
  let err = null;
  try {
    await readAll(['input.txt', 'missing.txt']);
  } catch (caught) {
    err = caught;
  }
  console.log('second join failed:', err.code);
})();
console.log('after readAll call');
