// Checks: `// awaitify-ignore-next-line` without a rule id leaves the call below it as it is
// (reported as timing/ignored-by-comment, counted as suppressed); the call inside its callback
// still converts.
const fs = require('fs');
const fsp = require('fs/promises');

// awaitify-ignore-next-line
fs.readFile('input.txt', 'utf8', (err, text) => {
  if (err) throw err;
  console.log('kept as a callback:', text.length);
  (async () => {
    const other = await fsp.readFile('other.txt', 'utf8');
    console.log('converted:', other.length);
  })();
  console.log('after the inner call');
});
console.log('after the outer call');
