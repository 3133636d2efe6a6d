// Checks: a timeout that starts a cleared interval as the last thing it does: one flow that
// waits, then loops; code after the outer call still runs first.
const log = (message) => console.log(message);

setTimeout(() => {
  log('warm-up done');
  let left = 3;
  const countdown = setInterval(() => {
    log(`left ${left}`);
    left -= 1;
    if (left === 0) clearInterval(countdown);
  }, 5);
}, 5);
log('scheduled');
Promise.resolve().then(() => log('promise job'));
