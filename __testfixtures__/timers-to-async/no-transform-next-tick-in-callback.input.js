// Checks: a chain whose callback queues a nextTick and a promise job is left as is: in the
// timer callback the tick runs first; in a promise job it would run after the promise job.
// awaitify-fixture: options {"strict": true}
const log = (message) => console.log(message);

setTimeout(() => {
  process.nextTick(() => log('tick queued in step 1'));
  Promise.resolve().then(() => log('promise queued in step 1'));
  setTimeout(() => log('step 2'), 5);
}, 5);
