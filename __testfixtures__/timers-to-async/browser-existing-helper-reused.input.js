// Checks: browser code that already has a promise delay helper: the chain uses that helper,
// and the helper's own setTimeout is recognised as a delay, not a callback timer.
const log = (message) => console.log(message);

function wait(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

setTimeout(() => {
  log('first');
  setTimeout(() => {
    log('second');
  }, 5);
}, 5);
wait(5).then(() => log('waited 5 ms with the helper, set after the chain'));
