// Checks: two reads started one after the other and joined by a counter of 2 become
// Promise.all of two async items, started where the reads were; the log after them still runs
// before either completes.
const fs = require('fs');

function readBoth(a, b, cb) {
  const out = {};
  let pending = 2;
  fs.readFile(a, 'utf8', (err, text) => {
    if (err) return cb(err);
    out.first = text.length;
    if (--pending === 0) cb(null, out);
  });
  fs.readFile(b, 'utf8', (err, text) => {
    if (err) return cb(err);
    out.second = text.length;
    if (--pending === 0) cb(null, out);
  });
  console.log('both reads started');
}

readBoth('input.txt', 'other.txt', (err, out) => {
  if (err) throw err;
  console.log('first:', out.first, 'second:', out.second);
});
console.log('after readBoth call');
