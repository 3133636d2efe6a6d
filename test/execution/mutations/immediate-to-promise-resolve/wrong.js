// WRONG rewrite: setImmediate became `await Promise.resolve()`, a microtask, so the code after
// the yield now runs before the nextTick.
// awaitify-mutation: caught-by stdout merged
const fsp = require('fs/promises');

(async () => {
  const textPromise = fsp.readFile('input.txt', 'utf8');
  console.log('after the call');
  const text = await textPromise;
  console.log('read', text.length, 'chars');
  process.nextTick(() => console.log('nextTick'));
  await Promise.resolve();
  console.log('after the yield');
})();
