// Checks: a callback API that calls back from a timer, in a file that already imports the
// promise setTimeout under its own name, awaits that import: one `timers/promises` import a
// file. A pattern's key (`{ setTimeout: sleep }`) declares no `setTimeout`: the timer that calls
// back is still the global one. The file's own timer await runs after the answer, as before.
var fs = require('fs');
var { setTimeout: sleep } = require('timers/promises');

function slowSize(p, cb) {
  fs.stat(p, function (err, st) {
    if (err) return cb(err);
    console.log('stat done, answering in 20 ms');
    setTimeout(function () {
      cb(null, st.size);
    }, 20);
  });
}

async function pause() {
  await sleep(5);
  console.log('paused 5 ms');
}

slowSize('input.txt', function (err, size) {
  if (err) throw err;
  console.log('size:', size);
  pause();
  console.log('after pause');
});
console.log('after the call');
