// Checks: an index for loop whose body is `(function (i) { … })(i)` starts one read per file,
// joined by a counter with a "failed" flag and an empty-list guard: the loop stays a loop and
// each pass pushes its item's promise, so reads start in order, each item's body runs when
// its own read completes, and the lengths come back in index order once all are in.
var fs = require('fs');

function readAll(files, cb) {
  var pending = files.length;
  var lengths = [];
  var failed = false;
  if (pending === 0) return cb(null, lengths);
  for (var i = 0; i < files.length; i++) {
    (function (i) {
      fs.readFile(files[i], 'utf8', function (err, text) {
        if (failed) return;
        if (err) {
          failed = true;
          return cb(err);
        }
        lengths[i] = text.length;
        if (--pending === 0) cb(null, lengths);
      });
    })(i);
  }
  console.log('started', files.length, 'reads');
}

readAll(['input.txt', 'other.txt', 'data/a.txt'], function (err, lengths) {
  if (err) throw err;
  console.log('lengths in index order:', lengths);
  readAll(['input.txt', 'missing.txt', 'nope.txt'], function (err) {
    console.log('second join failed once:', err.code);
    readAll([], function (err, lengths) {
      console.log('empty:', err, lengths);
    });
  });
});
console.log('after readAll call');
