// Checks: a callback API that polls through a named function declared beside its timer, the
// timer's handle read nowhere (lockfile's notStale: `var timer = setTimeout(poll, wait)` and
// `function poll () {…}`), converts: the handle goes, the timer becomes `await setTimeout(ms)`
// followed by the poll's body, and its retry `return await waitForFile(…)`.
var fs = require('fs');

function waitForFile(p, tries, cb) {
  console.log('waiting for', p, tries);
  var timer = setTimeout(poll, 20);

  // look again once the timer fires
  function poll () {
    console.log('polling', p);
    fs.stat(p, function (err, st) {
      if (err && tries > 1) return waitForFile(p, tries - 1, cb);
      if (err) return cb(err);
      cb(null, st.size);
    });
  }
}

waitForFile('input.txt', 3, function (err, size) {
  if (err) throw err;
  console.log('found:', size, 'bytes');
  waitForFile('missing.txt', 2, function (err) {
    console.log('gave up:', err.code);
  });
});
setTimeout(function () { console.log('other timer'); }, 1);
console.log('after waitForFile call');
