// Checks: a counting setInterval whose clearInterval ends the callback becomes a loop that
// waits one interval before every tick (the first tick comes after one interval, as before)
// and breaks where the tick ends. Structural order only: the checkpoint timer is started by
// the first tick, half an interval before the second, so no margin against the clock matters.
const { setTimeout: delay } = require('timers/promises');

const log = (message) => console.log(message);

let ticks = 0;

(async () => {
  while (true) {
    await delay(50);
    ticks += 1;
    log(`tick ${ticks}`);
    Promise.resolve().then(() => log(`promise after tick ${ticks}`));
    if (ticks === 1) setTimeout(() => log('half an interval after tick 1'), 25);
    if (ticks === 3) {
      log('stopped');
      break;
    }
  }
})();

log('interval started');
process.nextTick(() => log('nextTick after the start'));
Promise.resolve().then(() => log('promise job after the start'));
