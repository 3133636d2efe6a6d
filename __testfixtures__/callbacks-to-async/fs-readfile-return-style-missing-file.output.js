// Checks: `if (err) { console.error('failed', err.code); return; }` taking the error path (the
// file is missing): the handler runs, the success path does not, the process exits 0. Code
// after the call runs before the handler.
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
