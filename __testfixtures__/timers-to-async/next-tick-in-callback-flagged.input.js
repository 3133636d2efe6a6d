// Checks: a timer chain whose callback queues a nextTick and a promise job converts by default,
// flagged (timing/next-tick-ordering): in a promise job the tick runs after the promise job.
// With --strict it is refused (no-transform-next-tick-in-callback).
// awaitify-fixture: no-run its trace differs exactly where the finding flags it; run under the flagged-difference rule once the harness has it
const log = (message) => console.log(message);

setTimeout(() => {
  process.nextTick(() => log('tick queued in step 1'));
  Promise.resolve().then(() => log('promise queued in step 1'));
  setTimeout(() => log('step 2'), 5);
}, 5);
