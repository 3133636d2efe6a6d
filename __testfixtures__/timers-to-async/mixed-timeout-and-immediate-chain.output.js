// Checks: setTimeout and setImmediate nested in each other become one flow with both kinds
// of await; a plain timer and immediate started after the chain keep their relative order.
const { setTimeout: delay, setImmediate: immediate } = require('timers/promises');

const log = (message) => console.log(message);

(async () => {
  await delay(30);
  log('timeout 1');
  const immediatePromise = immediate();
  setTimeout(() => log('plain timeout 0 inside timeout 1'), 0);
  await immediatePromise;
  log('immediate inside timeout');
  await delay(5);
  log('timeout 2');
})();

setImmediate(() => log('plain immediate'));
Promise.resolve().then(() => log('promise job'));
