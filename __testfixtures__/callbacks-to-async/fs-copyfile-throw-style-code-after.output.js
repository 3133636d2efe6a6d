// Checks: fs.copyFile with `if (err) throw err;` and several statements after the call.
const fs = require('fs');
const fsp = require('fs/promises');

const source = 'input.txt';
const copy = 'input-copy.txt';

(async () => {
  await fsp.copyFile(source, copy);
  console.log('copy equals source:', fs.readFileSync(copy, 'utf8') === fs.readFileSync(source, 'utf8'));
})();

console.log('copy requested');
const note = `copying ${source} to ${copy}`;
console.log(note);
