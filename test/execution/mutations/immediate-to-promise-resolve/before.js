// Original: after the read, setImmediate yields to the check phase; the nextTick scheduled
// just before it runs first.
const fs = require('fs');

fs.readFile('input.txt', 'utf8', (err, text) => {
  if (err) throw err;
  console.log('read', text.length, 'chars');
  process.nextTick(() => console.log('nextTick'));
  setImmediate(() => {
    console.log('after the yield');
  });
});
console.log('after the call');
