// Checks: a timer that calls back, ending an operation's callback (a delayed answer), converts
// in the same run as the stat: `await setTimeout(ms)` from timers/promises, then the value is
// returned. The caller's code still runs right after the timer, and a 0 ms timer started just
// before the delayed answer (it stays a callback timer) still fires first.
var fs = require('fs');

function slowSize(p, cb) {
  fs.stat(p, function (err, st) {
    if (err) return cb(err);
    console.log('stat done, answering in 30 ms');
    setTimeout(function () {
      console.log('a shorter timer from the same callback');
    }, 0);
    setTimeout(function () {
      cb(null, st.size);
    }, 30);
  });
}

slowSize('input.txt', function (err, size) {
  if (err) throw err;
  console.log('size:', size);
  slowSize('missing.txt', function (err) {
    console.log('error:', err.code);
  });
});
console.log('after slowSize call');
