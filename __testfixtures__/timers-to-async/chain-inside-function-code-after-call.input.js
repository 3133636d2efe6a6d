// Checks: a chain inside a function: the function still returns at once (undefined), the code
// after the chain and after the call runs first, and two calls run their chains side by side.
const log = (message) => console.log(message);

function countdown(name, ms) {
  log(`${name}: 3`);
  setTimeout(() => {
    log(`${name}: 2`);
    setTimeout(() => {
      log(`${name}: 1`);
    }, ms);
  }, ms);
  log(`${name}: scheduled`);
}

const result = countdown('a', 5);
log(`returned ${result}`);
countdown('b', 100);
process.nextTick(() => log('next tick'));
