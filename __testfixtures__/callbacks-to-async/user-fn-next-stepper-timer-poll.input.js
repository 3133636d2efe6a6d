// Checks: a poll loop written as a `next()` stepper whose wait is a timer: the stepper becomes
// `while (true)`, the timer `await setTimeout(ms)` from timers/promises, its `next()` a
// `continue`. Each attempt stats the file; the size comes back once it has grown.
var fs = require('fs');

function waitForSize(p, min, cb) {
  var polls = 0;
  function next() {
    fs.stat(p, function (er, st) {
      polls++;
      if (er && er.code !== 'ENOENT') return cb(er);
      if (!st || st.size < min) {
        return setTimeout(function () {
          next();
        }, 15);
      }
      cb(null, st.size);
    });
  }
  next();
}

var chunks = 0;
var writer = setInterval(function () {
  fs.appendFileSync('growing.txt', '0123456789');
  if (++chunks === 4) {
    clearInterval(writer);
    console.log('writer done');
  }
}, 25);

waitForSize('growing.txt', 40, function (err, size) {
  if (err) throw err;
  console.log('size reached:', size);
});
console.log('waiting');
