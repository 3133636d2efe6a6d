// Checks: nedb's flushToStorage ends `if (errFS || errC) { return callback(e); } else { return
// callback(null); }`; converted, the success branch would be `else { return; }` at the end of
// the async function, which does nothing: the else goes, the error branch stays a throw.
const fs = require('fs');

fs.writeFileSync('a.txt', 'alpha');

function flush(filename, callback) {
  fs.open(filename, 'r', function (err, fd) {
    if (err) { return callback(err); }
    fs.fsync(fd, function (errFS) {
      fs.close(fd, function (errC) {
        if (errFS || errC) {
          var e = new Error('Failed to flush');
          e.errorOnFsync = errFS;
          e.errorOnClose = errC;
          return callback(e);
        } else {
          return callback(null);
        }
      });
    });
  });
}

flush('a.txt', function (err) {
  console.log('flushed', err);
  flush('missing.txt', function (err) {
    console.log('missing', err && err.code);
  });
});
console.log('started');
