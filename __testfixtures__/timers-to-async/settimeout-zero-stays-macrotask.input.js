// Checks: `setTimeout(fn, 0)` is a macrotask; its conversion must wait for one too
// (`await setTimeout(0)`), so the promise jobs and nextTicks queued around it still run first.
const log = (message) => console.log(message);

log('start');
setTimeout(() => {
  log('zero 1');
  Promise.resolve().then(() => log('promise queued in zero 1'));
  setTimeout(() => {
    log('zero 2');
  }, 0);
  queueMicrotask(() => log('microtask queued in zero 1'));
}, 0);
Promise.resolve().then(() => log('promise job'));
process.nextTick(() => log('next tick'));
setTimeout(() => log('plain zero timer set after the chain'), 0);
log('end of script');
