// Checks: a retry timer whose callback throws (an uncaught exception in the original) is not
// made an await: the throw would become a rejection of the function's promise. Left as is.
var fs = require('fs');

function statRetry(p, tries, cb) {
  fs.stat(p, function (err, st) {
    if (err && tries > 1) {
      return setTimeout(function () {
        if (tries > 100) throw new Error('too many');
        statRetry(p, tries - 1, cb);
      }, 5);
    }
    if (err) return cb(err);
    cb(null, st.size);
  });
}

statRetry('missing.txt', 2, function (err) {
  console.log('failed:', err.code);
});
