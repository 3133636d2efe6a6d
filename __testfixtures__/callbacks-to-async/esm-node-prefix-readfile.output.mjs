// Checks: an ES module with `import fs from 'node:fs'`. In ESM the module body runs inside a
// promise job, so the promise job after the call prints before the nextTick (rule 8); the
// rewrite (top-level await is allowed here) must keep that order.
import * as fsp from 'node:fs/promises';

(async () => {
  const text = await fsp.readFile('input.txt', 'utf8');
  console.log('third line:', text.split('\n')[2]);
})();
console.log('after readFile call');
process.nextTick(() => console.log('nextTick after the call'));
Promise.resolve().then(() => console.log('promise job after the call'));
