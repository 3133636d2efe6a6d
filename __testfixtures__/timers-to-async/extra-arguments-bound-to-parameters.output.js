// Checks: `setTimeout(fn, ms, a, b)` passes a and b to fn; they are evaluated when the timer
// starts, so `next()` runs once, before the code after the call, and the values arrive
// through the awaited promise.
function delay(ms, value) {
  return new Promise((resolve) => setTimeout(resolve, ms, value));
}

const log = (message) => console.log(message);
let counter = 0;
const next = () => {
  counter += 1;
  log(`next() -> ${counter}`);
  return counter;
};

(async () => {
  const [label, value] = await delay(5, ['first', next()]);
  log(`${label}: ${value}`);
  const timerPromise = delay(5, next());
  log('after inner call');
  const again = await timerPromise;
  log(`again: ${again}`);
})();

log('after outer call');
counter = 100;
Promise.resolve().then(() => log('promise job'));
