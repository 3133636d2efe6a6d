// Checks: the converted function's own error parameter is passed on as `if (er) throw er`
// only while nothing reassigns it. Here `er` is set again from the operation's result before
// `cb(er)`, so what the callback receives is not the caller's error as it came: `cb(er)` may or
// may not be an error, and `retryAfter` stays callback-style.
const fs = require('fs');

fs.writeFileSync('a.txt', 'alpha');

function retryAfter(p, er, cb) {
  fs.stat(p, function (er2, st) {
    if (er2) return cb(er2);
    if (st.size > 3) er = null;
    cb(er);
  });
}

retryAfter('a.txt', new Error('first try failed'), function (err) {
  console.log('big file', err);
  retryAfter('a.txt', undefined, function (err) {
    console.log('no first error', err);
  });
});
console.log('started');
