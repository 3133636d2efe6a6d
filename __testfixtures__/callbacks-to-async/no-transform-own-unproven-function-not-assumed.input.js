// Checks (refusal): a callback function of this file that awaitify read and could not prove
// (here `cb = cb || …`, and when both reads fail it calls back twice) is no unknown callee: by
// default its calls keep their callbacks, so the second call-back still arrives. Found by the
// fuzzer (seed 300030): converted through the unknown-callee wrapper it lost the second call.
const fs = require('fs');

function readBoth(first, second, cb) {
  cb = cb || function () {};
  let pending = 2;
  fs.readFile(first, 'utf8', (err) => {
    if (err) return cb(err);
    if (--pending === 0) cb(null, 'both read');
  });
  fs.readFile(second, 'utf8', (err) => {
    if (err) return cb(err);
    if (--pending === 0) cb(null, 'both read');
  });
}

readBoth('missing.txt', 'no-such-dir/other.txt', (err, value) => {
  if (err) {
    console.log('failed', err.code);
    return;
  }
  console.log('done', value);
});
console.log('after readBoth call');
