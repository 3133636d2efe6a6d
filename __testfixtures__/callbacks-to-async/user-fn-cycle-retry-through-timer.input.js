// Checks: two callback APIs that hand their callback to each other in a cycle (lockfile's lock,
// which polls through notStale, which calls `exports.lock` again) convert together: each waits
// for the other in the callees-first order, so the pair is tried as one, every member counted
// as converted while each is tried. The file's own `exports.acquire(…)` reaches the export.
// Success is a bare `cb()` through both (`cb(er)` only under `if (er)`): callers' errors stay undefined.
var fs = require('fs');

exports.acquire = function (path, opts, cb) {
  console.log('acquire', path, opts.tries);
  fs.mkdir(path, function (er) {
    if (er) {
      if (er.code !== 'EEXIST' || opts.tries <= 0) return cb(er);
      opts.tries--;
      return waitAndRetry(path, opts, cb);
    }
    cb();
  });
};

function waitAndRetry(path, opts, cb) {
  console.log('busy, waiting', opts.tries);
  setTimeout(function () {
    if (path === 'lock.d' && opts.tries === 1) fs.rmdirSync(path);
    exports.acquire(path, opts, cb);
  }, 10);
}

exports.acquire('data', { tries: 2 }, function (er) {
  console.log('data:', er.code);
  exports.acquire('lock.d', { tries: 3 }, function (er) {
    console.log('lock.d first:', er);
    exports.acquire('lock.d', { tries: 3 }, function (er) {
      console.log('lock.d again:', er);
    });
  });
});
console.log('after acquire call');
