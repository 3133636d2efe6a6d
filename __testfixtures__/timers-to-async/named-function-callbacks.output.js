// Checks: timer callbacks written as named functions that nothing else uses are moved into
// the flow, and their declarations go; hoisting made them usable before their declarations.
function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const log = (message) => console.log(message);

log('start');

(async () => {
  await delay(10);
  log('step one');
  const timerPromise = delay(10);
  log('after second call');
  await timerPromise;
  log('step two');
})();

log('after first call');

Promise.resolve().then(() => log('promise job'));
