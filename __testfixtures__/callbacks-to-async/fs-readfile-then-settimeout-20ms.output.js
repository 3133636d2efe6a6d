// Checks: a 20 ms timer started in the success path (a macrotask boundary, rule 4): the
// immediate scheduled next to it prints first, the timer's body last.
const fsp = require('fs/promises');

(async () => {
  const text = await fsp.readFile('input.txt', 'utf8');
  console.log('read; waiting 20 ms');
  setTimeout(() => {
    console.log('20 ms later, last line:', text.trim().split('\n').pop());
  }, 20);
  setImmediate(() => console.log('immediate while the timer runs'));
})();
console.log('after readFile call');
