// Checks: a timer chain whose callback queues a nextTick and a promise job converts by default,
// flagged (timing/next-tick-ordering) over the whole timer call: in a promise job the tick runs
// after the promise job, so those two lines swap. With --strict it is refused
// (no-transform-next-tick-in-callback).
setTimeout(() => {
  process.nextTick(() => console.log('tick queued in step 1'));
  Promise.resolve().then(() => console.log('promise queued in step 1'));
  setTimeout(() => console.log('step 2'), 5);
}, 5);
