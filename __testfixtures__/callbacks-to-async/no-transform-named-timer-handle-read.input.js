// Checks: a poll through a named timer function whose handle is read (kept to clear it) stays
// as it is: the handle is a Timeout the code uses, so the timer is no `await setTimeout(ms)`.
var fs = require('fs');
var pending = [];

function waitForFile(p, cb) {
  var timer = setTimeout(poll, 20);
  pending.push(timer);

  function poll () {
    fs.stat(p, function (err, st) {
      if (err) return cb(err);
      cb(null, st.size);
    });
  }
}

waitForFile('input.txt', function (err, size) {
  if (err) throw err;
  console.log('found:', size, 'bytes', pending.length, 'timer kept');
});
