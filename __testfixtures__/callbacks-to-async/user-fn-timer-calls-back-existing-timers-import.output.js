// Checks: a callback API that calls back from a timer, in a file that already imports the
// promise setTimeout under its own name, awaits that import: one `timers/promises` import a
// file. A pattern's key (`{ setTimeout: sleep }`) declares no `setTimeout`: the timer that calls
// back is still the global one. The file's own timer await runs after the answer, as before.
var { setTimeout: sleep } = require('timers/promises');
var fsp = require('fs/promises');

async function slowSize(p) {
  var st = await fsp.stat(p);
  console.log('stat done, answering in 20 ms');
  await sleep(20);
  return st.size;
}

async function pause() {
  await sleep(5);
  console.log('paused 5 ms');
}

(async () => {
  var size = await slowSize('input.txt');
  console.log('size:', size);
  pause();
  console.log('after pause');
})();
console.log('after the call');
