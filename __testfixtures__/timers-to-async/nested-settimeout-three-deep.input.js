// Checks: a 3-deep setTimeout chain with code before, between and after each call keeps its
// order against a timer, an immediate, a nextTick and a promise job started around it.
const log = (message) => console.log(message);

log('start');
setTimeout(() => {
  log('step 1');
  setTimeout(() => {
    log('step 2');
    setTimeout(() => {
      log('step 3');
    }, 20);
    log('after step 3 call');
  }, 40);
  log('after step 2 call');
}, 30);
log('after step 1 call');

setTimeout(() => log('other timer at 40 ms'), 40);
setImmediate(() => log('immediate'));
process.nextTick(() => log('next tick'));
Promise.resolve().then(() => log('promise job'));
