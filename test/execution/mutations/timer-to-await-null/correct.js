// Correct rewrite: the 0 ms timer became `await setTimeout(0)` from timers/promises, still a
// macrotask, so the immediate still prints first.
const fsp = require('fs/promises');
const { setTimeout: delay } = require('timers/promises');

(async () => {
  const textPromise = fsp.readFile('input.txt', 'utf8');
  console.log('after the call');
  const text = await textPromise;
  const timer = delay(0);
  setImmediate(() => console.log('immediate'));
  Promise.resolve().then(() => console.log('promise job'));
  console.log('read done');
  await timer;
  console.log('summary after the timer:', text.split('\n').length, 'parts');
})();
