// Checks: a timeout that starts a cleared interval as the last thing it does: one flow that
// waits, then loops; code after the outer call still runs first.
function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const log = (message) => console.log(message);

(async () => {
  await delay(5);
  log('warm-up done');
  let left = 3;
  while (true) {
    await delay(5);
    log(`left ${left}`);
    left -= 1;
    if (left === 0) break;
  }
})();

log('scheduled');
Promise.resolve().then(() => log('promise job'));
