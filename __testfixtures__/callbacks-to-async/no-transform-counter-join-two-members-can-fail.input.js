// Checks (refusal): two reads joined by a counter of 2, each calling back with its own error.
// When both fail the original calls back twice; Promise.all would settle once, with the first
// error, and lose the second call (a result that changes, so refused under every policy:
// timing/multiple-callback-calls). Found by the fuzzer (seed 300830), which awaitify had
// converted and flagged.
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

readBoth('missing.txt', 'no-such-dir/other.txt', (err, out) => {
  if (err) {
    console.log('failed:', err.code);
    return;
  }
  console.log('first:', out.first, 'second:', out.second);
});
console.log('after readBoth call');
