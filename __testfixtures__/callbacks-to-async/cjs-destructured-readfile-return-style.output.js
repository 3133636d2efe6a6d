// Checks: a destructured import, `const { readFile } = require('fs')`, called bare, with the
// return style; `readFile` is used once, so the import may change but must stay valid.
const fsp = require('fs/promises');

(async () => {
  let text;
  try {
    text = await fsp.readFile('input.txt', 'utf8');
  } catch (err) {
    console.error('failed', err.code);
    return;
  }
  console.log('second line:', text.split('\n')[1]);
})();
console.log('after readFile call');
