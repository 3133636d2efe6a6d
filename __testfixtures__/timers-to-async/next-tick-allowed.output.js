// Checks: --allow timing/next-tick-ordering converts a chain whose body calls
// process.nextTick, and reports it. Here the body queues no promise job of its own, so the
// tick still runs before the next timer, as before.
// awaitify-fixture: options {"allow": ["timing/next-tick-ordering"]}
const { setTimeout: delay } = require('timers/promises');

const log = (message) => console.log(message);

(async () => {
  await delay(5);
  log('step 1');
  process.nextTick(() => log('tick queued in step 1'));
  await delay(5);
  log('step 2');
})();

setTimeout(() => log('plain timer in the same phase as step 1'), 5);
