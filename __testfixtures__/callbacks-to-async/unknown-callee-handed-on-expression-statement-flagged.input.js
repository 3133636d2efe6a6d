// Checks: the hand-on that ends a path may be a plain call statement, last in its operation's
// callback (`maker.make(dir, cb)`), and the function's own call-backs pass no value
// (`cb()`): the unknown callee is assumed to pass none either (timing/unknown-callee
// handedOnAssumed at the call). This one calls back with no value, later, so the program
// prints the same. (The callers print whether there was an error, not `err` itself: a converted
// caller's `err` is null where `cb()` gave undefined, which is another matter.)
const fs = require('fs');

function makeMaker() {
  return {
    make(dir, cb) {
      setTimeout(() => cb(dir.endsWith('bad') ? new Error('cannot make ' + dir) : null), 1);
    },
  };
}
const maker = makeMaker();

function ensure(dir, cb) {
  fs.access(dir, function (err) {
    if (!err) return cb();
    maker.make(dir, cb);
  });
}

ensure(__dirname, (err) => {
  console.log('existing:', err ? err.message : 'no error');
  ensure(__dirname + '/missing', (err) => {
    console.log('made:', err ? err.message : 'no error');
    ensure(__dirname + '/missing-bad', (err) => {
      console.log('bad:', err && err.message);
    });
  });
});
console.log('started');
