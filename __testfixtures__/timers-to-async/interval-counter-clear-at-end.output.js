// Checks: a counting setInterval whose clearInterval ends the callback becomes a loop that
// waits one interval before every tick (the first tick comes after one interval, as before)
// and breaks where the tick ends.
const { setTimeout: delay } = require('timers/promises');

const log = (message) => console.log(message);

let ticks = 0;

(async () => {
  while (true) {
    await delay(50);
    ticks += 1;
    log(`tick ${ticks}`);
    Promise.resolve().then(() => log(`promise after tick ${ticks}`));
    if (ticks === 3) {
      log('stopped');
      break;
    }
  }
})();

log('interval started');
setTimeout(() => log('timer at 75 ms'), 75);
setImmediate(() => log('immediate'));
