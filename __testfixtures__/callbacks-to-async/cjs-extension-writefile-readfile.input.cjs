// Checks: a .cjs file (CommonJS by its extension): writeFile then readFile, throw style, with
// nextTick and promise markers after the first call.
const fs = require('fs');

fs.writeFile('from-cjs.txt', 'cjs\n', (err) => {
  if (err) throw err;
  fs.readFile('from-cjs.txt', 'utf8', (err, text) => {
    if (err) throw err;
    console.log('read back:', text.trim());
  });
});
console.log('after writeFile call');
process.nextTick(() => console.log('nextTick after the call'));
Promise.resolve().then(() => console.log('promise job after the call'));
