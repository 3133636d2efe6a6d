// Checks: a destructured import, `const { readFile } = require('fs')`, called bare, with the
// return style; `readFile` is used once, so the import may change but must stay valid.
const { readFile } = require('fs');

readFile('input.txt', 'utf8', (err, text) => {
  if (err) {
    console.error('failed', err.code);
    return;
  }
  console.log('second line:', text.split('\n')[1]);
});
console.log('after readFile call');
