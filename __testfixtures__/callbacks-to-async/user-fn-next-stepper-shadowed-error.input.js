// Checks: a `next(er)` stepper whose operation callbacks name their own error `er` too: the
// stepper's parameter becomes a `let` of another name, so `next(er)` inside a callback still
// hands on the callback's own error.
const fs = require('fs');

function sizes(files, cb) {
  let i = 0;
  let total = 0;
  function next(er) {
    if (er) return cb(er);
    if (i >= files.length) return cb(null, total);
    fs.stat(files[i++], function (er, stats) {
      if (er) return next(er);
      total += stats.size;
      next();
    });
  }
  next();
}
module.exports = sizes;

sizes(['input.txt', 'other.txt'], (err, total) => {
  console.log('total:', err, total);
  sizes(['input.txt', 'missing.txt', 'other.txt'], (err) => console.log('failed:', err.code));
});
