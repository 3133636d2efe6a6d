// Checks: a named callback that starts its own operation again after a timer (rimraf's `CB`:
// "try again, with the same exact callback") becomes a loop: each attempt awaits the read,
// a miss waits for `await setTimeout(ms)` from timers/promises and goes round again. The
// file appears from another timer meanwhile; the poll finds it on a later attempt, and a
// second poll runs out of tries with the error. The trace does not say how many reads it took:
// on a loaded machine the first read may start after the other timer wrote the file.
var fs = require('fs');

function waitForFile(p, tries, cb) {
  var attempts = 0;
  fs.readFile(p, 'utf8', function CB(err, text) {
    attempts++;
    if (err && err.code === 'ENOENT' && attempts < tries) {
      return setTimeout(function () {
        fs.readFile(p, 'utf8', CB);
      }, 20);
    }
    if (err) return cb(err);
    cb(null, text + ' after ' + (attempts > 0 ? 'polling' : 'nothing'));
  });
}

setTimeout(function () {
  fs.writeFileSync('late.txt', 'arrived');
  console.log('late.txt written');
}, 70);

waitForFile('late.txt', 50, function (err, text) {
  if (err) throw err;
  console.log('got:', text);
  waitForFile('never.txt', 3, function (err) {
    console.log('gave up:', err.code);
  });
});
console.log('polling started');
