// Checks: --allow timing/next-tick-ordering converts a chain whose body calls
// process.nextTick, and reports it. Here the body queues no promise job of its own, so the
// tick still runs before the next timer, as before.
// awaitify-fixture: options {"allow": ["timing/next-tick-ordering"]}
const log = (message) => console.log(message);

setTimeout(() => {
  log('step 1');
  process.nextTick(() => log('tick queued in step 1'));
  setTimeout(() => log('step 2'), 5);
}, 5);
setTimeout(() => log('plain timer in the same phase as step 1'), 5);
