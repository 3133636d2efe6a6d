// Checks: a retry that passes its next arguments through the timer
// (`setTimeout(poll, wait, round + 1, wait * 2)`, evaluated when the timer starts) from inside
// an if: the arguments travel through the awaited promise, the loop continues there, and the
// other branch ends the function.
function delay(ms, value) {
  return new Promise((resolve) => setTimeout(resolve, ms, value));
}

const log = (message) => console.log(message);

async function poll(round, wait) {
  while (true) {
    log(`round ${round}, next wait ${wait}`);
    if (round < 3) {
      [round, wait] = await delay(wait, [round + 1, wait * 2]);
      continue;
    } else {
      log('ready');
    }
    return;
  }
}

poll(1, 5);
Promise.resolve().then(() => log('promise job'));
