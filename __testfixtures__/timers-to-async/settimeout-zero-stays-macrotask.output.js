// Checks: `setTimeout(fn, 0)` is a macrotask; its conversion must wait for one too
// (`await setTimeout(0)`), so the promise jobs and nextTicks queued around it still run first.
const { setTimeout: delay } = require('timers/promises');

const log = (message) => console.log(message);

log('start');

(async () => {
  await delay(0);
  log('zero 1');
  Promise.resolve().then(() => log('promise queued in zero 1'));
  const timerPromise = delay(0);
  queueMicrotask(() => log('microtask queued in zero 1'));
  await timerPromise;
  log('zero 2');
})();

Promise.resolve().then(() => log('promise job'));
process.nextTick(() => log('next tick'));
setTimeout(() => log('plain zero timer set after the chain'), 0);
log('end of script');
