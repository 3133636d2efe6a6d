// Checks: a for…in loop over an object of paths, counted by Object.keys(…).length, joined by
// a counter whose error exits set the flag inline (`cb(errState = err)`): the loop stays a
// loop and each pass pushes its item's promise; `key` is a shared `var`, read by each item
// right away (`const name = key`) exactly as the callback-era code read it.
var fs = require('fs');

function sizesOf(paths, cb) {
  var pending = Object.keys(paths).length;
  var sizes = {};
  var errState = null;
  for (var key in paths) {
    const name = key;
    fs.stat(paths[name], function (err, stats) {
      if (errState) return;
      if (err) return cb(errState = err);
      sizes[name] = stats.size;
      if (--pending === 0) cb(null, sizes);
    });
  }
}

sizesOf({ a: 'input.txt', b: 'data/a.txt' }, function (err, sizes) {
  if (err) throw err;
  console.log('sizes:', Object.keys(sizes).sort().map(function (k) { return k + '=' + sizes[k]; }).join(' '));
  sizesOf({ a: 'missing.txt', b: 'nope.txt' }, function (err) {
    console.log('failed once:', err.code);
  });
});
console.log('after sizesOf call');
