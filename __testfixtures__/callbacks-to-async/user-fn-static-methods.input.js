// Checks: functions assigned to properties of the file's own object (`storage.size = function`,
// as nedb's storage.js writes them) are tried as callback APIs; `storage.size(…)` in a sibling
// is awaited, and an outside caller still passes a callback (dual API).
const fs = require('fs');

var storage = {};

storage.size = function (file, cb) {
  fs.stat(file, function (err, stat) {
    if (err) { return cb(err); }
    return cb(null, stat.size);
  });
};

storage.describe = function (file, cb) {
  storage.size(file, function (err, size) {
    if (err) { return cb(err); }
    return cb(null, file + ': ' + size);
  });
};

module.exports = storage;

storage.describe('config.json', function (err, text) {
  console.log(err ? err.code : text);
  storage.describe('missing.json', function (err) {
    console.log('missing:', err.code);
  });
});
console.log('started');
