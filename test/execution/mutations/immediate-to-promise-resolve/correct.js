// Correct rewrite: setImmediate became `await setImmediate()` from timers/promises.
const fsp = require('fs/promises');
const { setImmediate: yieldToCheckPhase } = require('timers/promises');

(async () => {
  const textPromise = fsp.readFile('input.txt', 'utf8');
  console.log('after the call');
  const text = await textPromise;
  console.log('read', text.length, 'chars');
  process.nextTick(() => console.log('nextTick'));
  await yieldToCheckPhase();
  console.log('after the yield');
})();
