// Checks: arrows whose body is the next timer call (`() => setTimeout(…)`): the Timeout they
// return is ignored by the timer, so the chain still converts.
const { setTimeout: delay, setImmediate } = require('timers/promises');

const log = (message) => console.log(message);

(async () => {
  await delay(5);
  await delay(5);
  await setImmediate();
  log('innermost');
})();

setTimeout(() => log('plain timer at 5 ms, set after the chain'), 5);
log('after chain');
