// Checks: a callback API that calls back with an error and a value together (lockfile's check:
// `fs.close(fd, (er) => cb(er, true))`) is refused with timing/error-handling-unclear
// (errorWithValues): a promise could give back the error or the value, not both.
const fs = require('fs');

function isThere(path, cb) {
  fs.open(path, 'r', function (er, fd) {
    if (er) return cb(null, false);
    fs.close(fd, function (er) {
      cb(er, true);
    });
  });
}

isThere('input.txt', (er, there) => {
  console.log('input:', er, there);
  isThere('nope.txt', (er, there) => console.log('nope:', er, there));
});
