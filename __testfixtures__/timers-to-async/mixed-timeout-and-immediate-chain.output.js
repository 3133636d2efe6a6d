// Checks: setTimeout and setImmediate nested in each other become one flow with both kinds
// of await; a plain zero-delay timer started beside the inner immediate keeps its place
// between the steps.
const { setTimeout: delay, setImmediate } = require('timers/promises');

const log = (message) => console.log(message);

(async () => {
  await delay(30);
  log('timeout 1');
  const immediatePromise = setImmediate();
  setTimeout(() => log('plain timeout 0 inside timeout 1'), 0);
  await immediatePromise;
  log('immediate inside timeout');
  await delay(5);
  log('timeout 2');
})();

Promise.resolve().then(() => log('promise job'));
