// Checks: two reads started one after the other and joined by a counter of 2 become
// Promise.all of two async items, started where the reads were; the log after them still runs
// before either completes. A `failed` flag makes the join call back at most once, so Promise.all
// (which settles with the first error) is exact; without it the join is refused
// (no-transform-counter-join-two-members-can-fail).
const fs = require('fs');

function readBoth(a, b, cb) {
  const out = {};
  let pending = 2;
  let failed = false;
  fs.readFile(a, 'utf8', (err, text) => {
    if (failed) return;
    if (err) {
      failed = true;
      return cb(err);
    }
    out.first = text.length;
    if (--pending === 0) cb(null, out);
  });
  fs.readFile(b, 'utf8', (err, text) => {
    if (failed) return;
    if (err) {
      failed = true;
      return cb(err);
    }
    out.second = text.length;
    if (--pending === 0) cb(null, out);
  });
  console.log('both reads started');
}

readBoth('input.txt', 'other.txt', (err, out) => {
  if (err) throw err;
  console.log('first:', out.first, 'second:', out.second);
  readBoth('missing.txt', 'no-such-dir/other.txt', (err) => {
    console.log('failed once:', err.code);
  });
});
console.log('after readBoth call');
