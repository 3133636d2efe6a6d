// Checks: a setImmediate chain becomes awaits of timers/promises setImmediate: each step still
// runs in the check phase, after the promise jobs queued before it, and the plain immediates
// set beside each step keep their places.
const log = (message) => console.log(message);

log('start');
setImmediate(() => {
  log('immediate 1');
  setImmediate(() => log('plain immediate set in immediate 1'));
  setImmediate(() => {
    log('immediate 2');
    setImmediate(() => {
      log('immediate 3');
    });
  });
  Promise.resolve().then(() => log('promise after immediate 2 call'));
});
setImmediate(() => log('plain immediate set after the chain'));
Promise.resolve().then(() => log('promise job'));
log('end');
