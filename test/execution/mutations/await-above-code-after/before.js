// Original: the code after fs.readFile (a log, a nextTick, a promise job) runs before the
// callback; the callback schedules an immediate and a 0 ms timer from the I/O phase.
const fs = require('fs');

fs.readFile('input.txt', 'utf8', (err, text) => {
  if (err) throw err;
  console.log('read', text.split('\n')[0]);
  setImmediate(() => console.log('immediate'));
  setTimeout(() => console.log('timeout 0'), 0);
});
console.log('after the call');
process.nextTick(() => console.log('nextTick'));
Promise.resolve().then(() => console.log('promise job'));
