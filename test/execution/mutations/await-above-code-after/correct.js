// Correct rewrite: start the read, run the code that followed the call, then await.
const fsp = require('fs/promises');

(async () => {
  const textPromise = fsp.readFile('input.txt', 'utf8');
  console.log('after the call');
  process.nextTick(() => console.log('nextTick'));
  Promise.resolve().then(() => console.log('promise job'));
  const text = await textPromise;
  console.log('read', text.split('\n')[0]);
  setImmediate(() => console.log('immediate'));
  setTimeout(() => console.log('timeout 0'), 0);
})();
