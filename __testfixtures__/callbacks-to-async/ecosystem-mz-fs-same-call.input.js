// Checks: mz/fs functions return a promise without their callback: awaited as they are.
// awaitify-fixture: options {"dependencies": {"mz": "2.7.0"}}
const fs = require('mz/fs');

fs.stat('input.txt', (err, stats) => {
  if (err) throw err;
  console.log('size', stats.size);
  fs.readFile('missing.txt', 'utf8', (err, text) => {
    if (err) {
      console.log('missing', err.code);
      return;
    }
    console.log('read', text);
  });
});
console.log('after stat call');
