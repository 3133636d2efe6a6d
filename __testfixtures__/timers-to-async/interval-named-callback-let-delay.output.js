// Checks: an interval with a named callback and a delay in a `let` that changes later: the
// delay is read once, as setInterval read it, not before every wait.
const { setTimeout } = require('timers/promises');

const log = (message) => console.log(message);

let period = 10;
let seen = 0;

(async () => {
  const intervalMs = Number(period);
  while (true) {
    await setTimeout(intervalMs);
    seen += 1;
    log(`poll ${seen} (period is now ${period})`);
    if (seen === 3) break;
  }
})();
period = 1000;
process.nextTick(() => log('next tick'));
