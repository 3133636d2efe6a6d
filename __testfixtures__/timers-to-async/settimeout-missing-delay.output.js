// Checks: a chain whose timers leave out the delay (`setTimeout(fn)`, 1 ms in Node) waits for
// a timer all the same, not a microtask.
const { setTimeout } = require('timers/promises');

const log = (message) => console.log(message);

(async () => {
  await setTimeout(0);
  log('first, no delay given');
  const timerPromise = setTimeout(0);
  Promise.resolve().then(() => log('promise after second call'));
  await timerPromise;
  log('second, no delay given');
})();

Promise.resolve().then(() => log('promise job'));
process.nextTick(() => log('next tick'));
log('script end');
