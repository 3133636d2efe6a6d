// Checks: a member of the file's own object set once to an fs function (nedb's storage.js,
// `storage.writeFile = fs.writeFile`) is judged as that function: it calls back once, later,
// so the calls convert with nothing to flag, promisified at the call (the member is read when
// the call runs, as before). fs.exists resolves its boolean and never rejects.
const fs = require('fs');
const storage = {};

storage.exists = fs.exists;
storage.readFile = fs.readFile;
storage.writeFile = fs.writeFile;

storage.copyIfPresent = function (from, to, callback) {
  storage.exists(from, function (exists) {
    if (!exists) { return callback(null, false); }

    storage.readFile(from, 'utf8', function (err, text) {
      if (err) { return callback(err); }
      storage.writeFile(to, text.toUpperCase(), function (err) {
        if (err) { return callback(err); }
        return callback(null, true);
      });
    });
  });
};

storage.copyIfPresent('input.txt', 'copy.txt', function (err, copied) {
  console.log('copied', err, copied, fs.readFileSync('copy.txt', 'utf8').length);
});
storage.copyIfPresent('missing.txt', 'none.txt', function (err, copied) {
  console.log('missing', err, copied);
});
storage.copyIfPresent('input.txt', 'no-such-dir/copy.txt', function (err, copied) {
  console.log('failed', err.code, copied);
});
console.log('started');
