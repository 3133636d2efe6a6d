// Checks: a function assigned onto a required module (`fs.sizeOf = function`, a patch) or a
// global is not the file's own API: it is not tried, and its callers keep their callbacks.
const fs = require('fs');

fs.sizeOf = function (file, cb) {
  fs.stat(file, function (err, stat) {
    if (err) { return cb(err); }
    return cb(null, stat.size);
  });
};

setTimeout(function () {
  console.log('timer');
}, 0);
console.log('started', typeof fs.sizeOf);
