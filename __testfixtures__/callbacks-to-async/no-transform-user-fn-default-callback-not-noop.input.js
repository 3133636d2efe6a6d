// Checks: `cb = cb || report` where `report` does something: a call without a callback ran it,
// which a promise cannot stand for, so the function is left as it is.
const fs = require('fs');

function report(err, size) {
  console.log('default callback:', err ? err.code : size);
}

function sizeOf(file, cb) {
  cb = cb || report;
  fs.stat(file, (err, stats) => {
    if (err) return cb(err);
    cb(null, stats.size);
  });
}
module.exports = sizeOf;

sizeOf('input.txt');
