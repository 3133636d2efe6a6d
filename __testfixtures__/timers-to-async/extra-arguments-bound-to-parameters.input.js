// Checks: `setTimeout(fn, ms, a, b)` passes a and b to fn; they are evaluated when the timer
// starts, so `next()` runs once, before the code after the call, and the values arrive
// through the awaited promise.
const log = (message) => console.log(message);
let counter = 0;
const next = () => {
  counter += 1;
  log(`next() -> ${counter}`);
  return counter;
};

setTimeout((label, value) => {
  log(`${label}: ${value}`);
  setTimeout((again) => {
    log(`again: ${again}`);
  }, 5, next());
  log('after inner call');
}, 5, 'first', next());
log('after outer call');
counter = 100;
Promise.resolve().then(() => log('promise job'));
