// Checks: a timer that calls back, ending an operation's callback (a delayed answer), converts
// in the same run as the stat: `await setTimeout(ms)` from timers/promises, then the value is
// returned. The caller's code still runs right after the timer, and a 0 ms timer started just
// before the delayed answer (it stays a callback timer) still fires first.
var fsp = require('fs/promises');
var { setTimeout: delay } = require('timers/promises');

async function slowSize(p) {
  var st = await fsp.stat(p);
  console.log('stat done, answering in 30 ms');
  setTimeout(function () {
    console.log('a shorter timer from the same callback');
  }, 0);
  await delay(30);
  return st.size;
}

(async () => {
  var size = await slowSize('input.txt');
  console.log('size:', size);
  var err = null;
  try {
    await slowSize('missing.txt');
  } catch (caught) {
    err = caught;
  }
  console.log('error:', err.code);
})();
console.log('after slowSize call');
