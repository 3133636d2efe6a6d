// Checks: a named callback that starts its own operation again after a timer (rimraf's `CB`:
// "try again, with the same exact callback") becomes a loop: each attempt awaits the read,
// a miss waits for `await setTimeout(ms)` from timers/promises and goes round again. The
// file appears from another timer meanwhile; the poll finds it on a later attempt, and a
// second poll runs out of tries with the error. The trace does not say how many reads it took:
// on a loaded machine the first read may start after the other timer wrote the file.
var fs = require('fs');
var fsp = require('fs/promises');
var { setTimeout: delay } = require('timers/promises');

async function waitForFile(p, tries) {
  var attempts = 0;
  while (true) {
    let err = null;
    let text;
    try {
      text = await fsp.readFile(p, 'utf8');
    } catch (caught) {
      err = caught;
    }
    attempts++;
    if (err && err.code === 'ENOENT' && attempts < tries) {
      await delay(20);
      continue;
    }
    if (err) throw err;
    return text + ' after ' + (attempts > 0 ? 'polling' : 'nothing');
  }
}

setTimeout(function () {
  fs.writeFileSync('late.txt', 'arrived');
  console.log('late.txt written');
}, 70);

(async () => {
  var text = await waitForFile('late.txt', 50);
  console.log('got:', text);
  var err = null;
  try {
    await waitForFile('never.txt', 3);
  } catch (caught) {
    err = caught;
  }
  console.log('gave up:', err.code);
})();
console.log('polling started');
