// Checks: `var callback = cb || function () {}` is not read as the callback when the alias is
// reassigned afterwards (it may call something else): `save` stays callback-style (refused, with the
// reason), and so does the fs call inside it, whose callback calls `callback` back (an async IIFE
// inside a function that still takes a callback is no code a maintainer merges).
const fs = require('fs');

function save(file, text, cb) {
  var callback = cb || function () {};
  if (text.length === 0) callback = function () { console.log('nothing to save'); };
  fs.writeFile(file, text, function (err) {
    if (err) { return callback(err); }
    return callback(null);
  });
}

save('out.txt', 'hello', function (err) {
  console.log('saved:', err);
  save('out.txt', '', function () {
    console.log('never printed');
  });
});
