// Checks: timers due in the same timers phase. A plain timer set just before the chain and a
// second chain set just after it share its 10 ms delay; each callback's nextTick and promise
// jobs run before the next timer's callback, and the converted continuations sit between them
// exactly where the callbacks did, also in the second round of timers.
const log = (message) => console.log(message);

setTimeout(() => {
  log('plain timer before');
  process.nextTick(() => log('tick of timer before'));
  Promise.resolve().then(() => log('promise of timer before'));
}, 10);
setTimeout(() => {
  log('chain step 1');
  setTimeout(() => {
    log('chain step 2');
  }, 10);
  Promise.resolve().then(() => log('promise of chain step 1'));
}, 10);
setTimeout(() => {
  log('second chain step 1');
  Promise.resolve().then(() => log('promise of second chain step 1'));
  setTimeout(() => log('second chain step 2'), 10);
}, 10);
