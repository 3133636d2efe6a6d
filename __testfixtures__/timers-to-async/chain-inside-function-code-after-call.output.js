// Checks: a chain inside a function: the function still returns at once (undefined), the code
// after the chain and after the call runs first, and two calls run their chains side by side.
const { setTimeout } = require('timers/promises');

const log = (message) => console.log(message);

function countdown(name, ms) {
  log(`${name}: 3`);
  (async () => {
    await setTimeout(Number(ms));
    log(`${name}: 2`);
    await setTimeout(Number(ms));
    log(`${name}: 1`);
  })();
  log(`${name}: scheduled`);
}

const result = countdown('a', 5);
log(`returned ${result}`);
countdown('b', 100);
process.nextTick(() => log('next tick'));
