// Checks: an index for loop joined by a counter that does not start at the number of passes
// (it waits for the first two of three reads): Promise.all would wait for all three, so the
// function is left as is.
var fs = require('fs');

function firstTwo(files, cb) {
  var pending = 2;
  var failed = false;
  for (var i = 0; i < files.length; i++) {
    fs.readFile(files[i], 'utf8', function (err) {
      if (failed) return;
      if (err) {
        failed = true;
        return cb(err);
      }
      if (--pending === 0) cb(null, 'two done');
    });
  }
}

firstTwo(['input.txt', 'other.txt', 'data/a.txt'], function (err, what) {
  console.log(err, what);
});
