// WRONG rewrite: the await is placed right at the call, so the code that followed the call
// now runs only after the file has been read.
// awaitify-mutation: caught-by stdout merged
const fsp = require('fs/promises');

(async () => {
  const text = await fsp.readFile('input.txt', 'utf8');
  console.log('after the call');
  process.nextTick(() => console.log('nextTick'));
  Promise.resolve().then(() => console.log('promise job'));
  console.log('read', text.split('\n')[0]);
  setImmediate(() => console.log('immediate'));
  setTimeout(() => console.log('timeout 0'), 0);
})();
