// Checks: a member set to an fs function but set again elsewhere in the file (here, by a
// switch to a logging wrapper) may hold anything when called: it is no known function, so the
// call converts only as an unknown callee (flagged), through fromCallback, which calls the
// member as it is then.
const fs = require('fs');
const storage = {};

storage.readFile = fs.readFile;

storage.verbose = function () {
  storage.readFile = function (file, encoding, cb) {
    console.log('reading', file);
    fs.readFile(file, encoding, cb);
  };
};

storage.lineCount = function (file, callback) {
  storage.readFile(file, 'utf8', function (err, text) {
    if (err) { return callback(err); }
    return callback(null, text.split('\n').length);
  });
};

storage.lineCount('input.txt', function (err, count) {
  console.log('quiet', err, count);
  storage.verbose();
  storage.lineCount('missing.txt', function (err, count) {
    console.log('verbose', err.code, count);
  });
});
