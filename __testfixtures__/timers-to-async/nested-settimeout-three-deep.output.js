// Checks: a 3-deep setTimeout chain with code before, between and after each call keeps its
// order against a timer, an immediate, a nextTick and a promise job started around it. The
// immediate is started by step 2, before the 20 ms timer of step 3 (an immediate started next
// to the first timer, or in step 1 against the 40 ms timer, would race them on a busy machine).
const { setTimeout: delay } = require('timers/promises');

const log = (message) => console.log(message);

log('start');

(async () => {
  await delay(30);
  log('step 1');
  const timerPromise = delay(40);
  log('after step 2 call');
  await timerPromise;
  log('step 2');
  setImmediate(() => log('immediate after step 2'));
  const pendingTimer = delay(20);
  log('after step 3 call');
  await pendingTimer;
  log('step 3');
})();

log('after step 1 call');

setTimeout(() => log('other timer at 40 ms'), 40);
process.nextTick(() => log('next tick'));
Promise.resolve().then(() => log('promise job'));
