// Checks: a retry that passes its next arguments through the timer
// (`setTimeout(poll, wait, round + 1, wait * 2)`, evaluated when the timer starts) from inside
// an if: the arguments travel through the awaited promise, the loop continues there, and the
// other branch ends the function.
const log = (message) => console.log(message);

function poll(round, wait) {
  log(`round ${round}, next wait ${wait}`);
  if (round < 3) {
    setTimeout(poll, wait, round + 1, wait * 2);
  } else {
    log('ready');
  }
}

poll(1, 5);
Promise.resolve().then(() => log('promise job'));
