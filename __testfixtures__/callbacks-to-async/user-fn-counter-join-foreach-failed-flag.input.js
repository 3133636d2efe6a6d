// Checks: a forEach that starts one read per file, joined by a counter with a "failed" flag
// and an empty-list guard, becomes Promise.all over async items: reads still start in order,
// each item's body runs when its own read completes, and the result is returned once all are
// in. (The empty-list guard's synchronous call is reported as timing/empty-collection-timing.)
const fs = require('fs');

function readAll(files, cb) {
  const lengths = [];
  let pending = files.length;
  let failed = false;
  if (pending === 0) return cb(null, lengths);
  files.forEach((file, i) => {
    fs.readFile(file, 'utf8', (err, text) => {
      if (failed) return;
      if (err) {
        failed = true;
        return cb(err);
      }
      lengths[i] = text.length;
      if (--pending === 0) cb(null, lengths);
    });
  });
  console.log('started', files.length, 'reads');
}

readAll(['input.txt', 'other.txt', 'data/a.txt'], (err, lengths) => {
  if (err) throw err;
  console.log('lengths in index order:', lengths);
  readAll(['input.txt', 'missing.txt'], (err) => {
    console.log('second join failed:', err.code);
  });
});
console.log('after readAll call');
