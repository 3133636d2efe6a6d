// Checks: an unref'd interval does not keep the process alive: the loop's waits get
// `{ ref: false }`, so the process ends when the ref'd keep-alive timer is cleared, after the
// third tick, as before.
const { setTimeout: delay } = require('timers/promises');

const log = (message) => console.log(message);

const keepAlive = setTimeout(() => log('keep-alive fired (never)'), 5000);
let count = 0;
(async () => {
  while (true) {
    await delay(10, undefined, { ref: false });
    count += 1;
    log(`tick ${count}`);
    if (count === 3) clearTimeout(keepAlive);
    if (count === 10) break;
  }
})();
process.on('exit', () => log(`exit after ${count} ticks`));
