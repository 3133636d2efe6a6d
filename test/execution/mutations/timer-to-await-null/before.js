// Original: after the read, a 0 ms timer defers the summary to a later macrotask, so the
// immediate scheduled next to it prints first.
const fs = require('fs');

fs.readFile('input.txt', 'utf8', (err, text) => {
  if (err) throw err;
  setTimeout(() => {
    console.log('summary after the timer:', text.split('\n').length, 'parts');
  }, 0);
  setImmediate(() => console.log('immediate'));
  Promise.resolve().then(() => console.log('promise job'));
  console.log('read done');
});
console.log('after the call');
