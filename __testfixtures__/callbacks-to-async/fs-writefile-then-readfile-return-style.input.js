// Checks: fs.writeFile then fs.readFile of what was written, both with the
// `if (err) { console.error(...); return; }` style, and a log after each call.
const fs = require('fs');

const target = 'written.txt';
fs.writeFile(target, 'written by the fixture\n', 'utf8', (err) => {
  if (err) {
    console.error('write failed', err.code);
    return;
  }
  console.log('wrote', target);
  fs.readFile(target, 'utf8', (err, text) => {
    if (err) {
      console.error('read failed', err.code);
      return;
    }
    console.log('read back:', JSON.stringify(text));
  });
  console.log('after readFile call');
});
console.log('after writeFile call');
