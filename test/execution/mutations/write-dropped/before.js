// Original: the result is saved to out/result.txt, then a message says so.
const fs = require('fs');

fs.mkdir('out', (err) => {
  if (err) throw err;
  fs.writeFile('out/result.txt', 'forty-two\n', (err) => {
    if (err) throw err;
    console.log('saved');
  });
});
console.log('saving');
