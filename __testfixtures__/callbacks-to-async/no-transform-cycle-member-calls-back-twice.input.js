// Checks: a cycle of callback APIs converts all together or not at all: here the member that
// waits calls back twice on one path (a warning, then the retry's outcome), so neither it nor
// the function that hands it its callback converts, and the file stays as it was.
var fs = require('fs');

function acquire(path, tries, cb) {
  fs.mkdir(path, function (er) {
    if (!er || tries <= 0) return cb(er);
    retryLater(path, tries - 1, cb);
  });
}

function retryLater(path, tries, cb) {
  setTimeout(function () {
    if (tries === 0) cb(new Error('last try'));
    acquire(path, tries, cb);
  }, 10);
}

acquire('data', 1, function (er) {
  console.log('data:', er.message || er.code);
});
