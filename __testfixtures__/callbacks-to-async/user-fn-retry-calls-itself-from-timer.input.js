// Checks: a callback API that calls itself again from a setTimeout retry (with one try less)
// converts in one run: the timer becomes `await setTimeout(ms)` from timers/promises and the
// retry `return await readRetry(…)`, so the error of the last try still reaches the caller.
var fs = require('fs');

function readRetry(p, tries, cb) {
  fs.readFile(p, 'utf8', function (err, text) {
    if (err && tries > 1) {
      console.log('retrying', p, 'tries left', tries - 1);
      return setTimeout(function () {
        readRetry(p, tries - 1, cb);
      }, 10);
    }
    if (err) return cb(err);
    cb(null, text.trim());
  });
}

readRetry('input.txt', 3, function (err, text) {
  if (err) throw err;
  console.log('read:', text.length, 'chars');
  readRetry('missing.txt', 3, function (err) {
    console.log('failed after retries:', err.code);
  });
});
console.log('after readRetry call');
