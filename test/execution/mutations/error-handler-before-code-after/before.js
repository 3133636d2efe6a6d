// Original: the read fails (the file is missing); the handler prints on stderr, and only after
// the code that follows the call, which prints on stdout.
const fs = require('fs');

fs.readFile('missing.txt', 'utf8', (err, text) => {
  if (err) {
    console.error('failed', err.code);
    return;
  }
  console.log('not reached:', text.length);
});
console.log('after readFile call');
process.nextTick(() => console.log('nextTick after the call'));
