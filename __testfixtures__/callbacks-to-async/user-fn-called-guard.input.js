// Checks: a `called` guard (`if (called) return; called = true;` at the top of the one
// callback it guards) is what the promise already does (it settles once): once the proof shows
// the callback is called exactly once, the flag goes and the function converts. Callers that
// pass a callback still get one call each.
var fs = require('fs');

function readLength(p, cb) {
  var called = false;
  fs.readFile(p, 'utf8', onRead);
  function onRead(err, text) {
    if (called) return;
    called = true;
    if (err) return cb(err);
    cb(null, text.length);
  }
}

readLength('input.txt', function (err, n) {
  if (err) throw err;
  console.log('length:', n);
  readLength('missing.txt', function (err) {
    console.log('error once:', err.code);
  });
});
console.log('after readLength call');
