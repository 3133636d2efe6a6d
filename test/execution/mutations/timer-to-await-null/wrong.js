// WRONG rewrite: the 0 ms timer became `await null`, a microtask, so the summary now runs
// before the immediate.
// awaitify-mutation: caught-by stdout merged
const fsp = require('fs/promises');

(async () => {
  const textPromise = fsp.readFile('input.txt', 'utf8');
  console.log('after the call');
  const text = await textPromise;
  setImmediate(() => console.log('immediate'));
  Promise.resolve().then(() => console.log('promise job'));
  console.log('read done');
  await null;
  console.log('summary after the timer:', text.split('\n').length, 'parts');
})();
