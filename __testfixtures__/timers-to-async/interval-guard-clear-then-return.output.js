// Checks: `if (done) { clearInterval(id); return; }` at the top of the callback: the clear
// becomes a break, and the other return (skip this tick) becomes continue.
const { setTimeout } = require('timers/promises');

const log = (message) => console.log(message);

let polls = 0;

(async () => {
  while (true) {
    await setTimeout(5);
    polls += 1;
    if (polls > 4) {
      break;
    }
    if (polls % 2 === 0) continue;
    log(`odd poll ${polls}`);
  }
})();

process.nextTick(() => log('next tick'));
