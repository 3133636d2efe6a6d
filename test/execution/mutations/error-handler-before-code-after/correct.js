// Correct rewrite: the read starts at the call and is awaited inside an async IIFE, so the
// code after the call still prints first.
const fsp = require('fs/promises');

(async () => {
  let text;
  try {
    text = await fsp.readFile('missing.txt', 'utf8');
  } catch (err) {
    console.error('failed', err.code);
    return;
  }
  console.log('not reached:', text.length);
})();
console.log('after readFile call');
process.nextTick(() => console.log('nextTick after the call'));
