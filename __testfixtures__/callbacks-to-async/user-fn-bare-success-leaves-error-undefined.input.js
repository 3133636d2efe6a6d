// Checks: a converted caller's captured error holds on success what the callback's error
// parameter held: undefined where the function called back with a bare `cb()` (`touch`), null
// where it called `cb(null)` (`check`) or handed `cb` to a Node API, which passes null (`remove`).
// The callers print the error itself, so a `let err = null` for `touch` would change the trace.
const fs = require('fs');

fs.writeFileSync('a.txt', 'alpha');

function touch(name, cb) {
  fs.stat(name, function (err) {
    if (err) return cb(err);
    cb();
  });
}

function check(name, cb) {
  fs.access(name, function (err) {
    if (err) return cb(err);
    cb(null);
  });
}

function remove(name, cb) {
  fs.stat(name, function (err) {
    if (err) return cb(err);
    fs.unlink(name, cb);
  });
}

touch('a.txt', function (err) {
  console.log('touch', err);
  check('a.txt', function (err) {
    console.log('check', err);
    remove('a.txt', function (err) {
      console.log('remove', err);
      touch('a.txt', function (err) {
        console.log('touch again', err && err.code);
      });
    });
  });
});
process.nextTick(() => console.log('tick'));
console.log('started');
