// Checks: an error reported after a cleanup whose own error is ignored (lockfile's
// `if (er) return fs.close(fd, function (er2) { return cb(er) })`, and `fs.unlink(tmp, () =>
// cb(er))` with the operation's own error) converts: the cleanup is awaited first, its error
// caught and dropped, then the error thrown (or, when there was none, the function returns).
const fs = require('fs');

function firstBytes(path, cb) {
  fs.open(path, 'r', function (er, fd) {
    if (er) return cb(er);
    var buffer = Buffer.alloc(5);
    fs.read(fd, buffer, 0, 5, 0, function (er, n) {
      if (er) return fs.close(fd, function (er2) {
        return cb(er);
      });
      fs.close(fd, function () {
        cb(null, buffer.toString('utf8', 0, n));
      });
    });
  });
}

function linkThenTidy(from, to, cb) {
  fs.link(from, to, function (er) {
    fs.unlink(from + '.tmp', function () {
      // best effort: if the unlink fails, the link's outcome is still what counts
      cb(er);
    });
  });
}

module.exports = { firstBytes, linkThenTidy };

setTimeout(() => console.log('timer'), 0);
setImmediate(() => console.log('immediate'));
process.nextTick(() => console.log('tick'));
Promise.resolve().then(() => console.log('promise job'));
fs.writeFileSync('a.txt.tmp', 'scratch');
firstBytes('input.txt', (err, bytes) => {
  console.log('bytes:', err, bytes);
  // a directory opens, and reading it fails: the descriptor is closed, then the error reported
  firstBytes('data', (err) => {
    console.log('directory:', err.code);
    linkThenTidy('a.txt', 'b.txt', (err) => {
      console.log('no source:', err.code, fs.existsSync('a.txt.tmp'));
      fs.writeFileSync('a.txt', 'a');
      linkThenTidy('a.txt', 'b.txt', (err) => {
        console.log('linked:', err || 'no error', fs.readFileSync('b.txt', 'utf8'));
      });
    });
  });
});
console.log('started');
