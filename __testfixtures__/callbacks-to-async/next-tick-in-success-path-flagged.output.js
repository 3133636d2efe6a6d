// Checks: a process.nextTick in the success path converts by default and is flagged
// (timing/next-tick-ordering): in a promise job its tick runs after pending promise jobs. Here
// none is pending, so the program prints the same. With --strict it is refused
// (no-transform-next-tick-in-success-path).
const fsp = require('fs/promises');

(async () => {
  const text = await fsp.readFile('other.txt', 'utf8');
  setImmediate(() => console.log('body: immediate'));
  process.nextTick(() => console.log('body: nextTick'));
  console.log('body: read', JSON.stringify(text));
})();
console.log('after readFile call');
