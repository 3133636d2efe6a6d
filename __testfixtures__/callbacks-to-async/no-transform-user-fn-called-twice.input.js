// Checks (refusal): a missing `return` after `cb(err)` lets the callback run twice; a promise
// settles once, so the function is left as it is (timing/multiple-callback-calls).
const fs = require('fs');

function sizeOf(path, cb) {
  fs.stat(path, (err, stats) => {
    if (err) cb(err);
    cb(null, stats ? stats.size : -1);
  });
}

sizeOf('missing.txt', (err, size) => {
  console.log('called with', err ? err.code : null, size);
});
