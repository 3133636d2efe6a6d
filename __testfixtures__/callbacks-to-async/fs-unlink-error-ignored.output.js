// Checks: fs.unlink with a callback that takes no parameters at all (the error is ignored),
// deleting a file that exists.
const fs = require('fs');
const fsp = require('fs/promises');

(async () => {
  try {
    await fsp.unlink('other.txt');
  } catch {}
  console.log('other.txt still there:', fs.existsSync('other.txt'));
})();

console.log('after unlink call');
