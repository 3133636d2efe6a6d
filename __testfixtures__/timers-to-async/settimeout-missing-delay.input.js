// Checks: a chain whose timers leave out the delay (`setTimeout(fn)`, 1 ms in Node) waits for
// a timer all the same, not a microtask.
const log = (message) => console.log(message);

setTimeout(() => {
  log('first, no delay given');
  setTimeout(() => {
    log('second, no delay given');
  });
  Promise.resolve().then(() => log('promise after second call'));
});
Promise.resolve().then(() => log('promise job'));
process.nextTick(() => log('next tick'));
log('script end');
