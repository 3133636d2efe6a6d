// Checks: fs.copyFile with `if (err) throw err;` and several statements after the call.
const fs = require('fs');

const source = 'input.txt';
const copy = 'input-copy.txt';
fs.copyFile(source, copy, (err) => {
  if (err) throw err;
  console.log('copy equals source:', fs.readFileSync(copy, 'utf8') === fs.readFileSync(source, 'utf8'));
});
console.log('copy requested');
const note = `copying ${source} to ${copy}`;
console.log(note);
