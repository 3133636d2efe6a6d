// Checks: fs.realpath with `if (err) throw err;`; the printed path is relative to the working
// directory so it is the same in every temp dir.
const fs = require('fs');
const path = require('path');
const fsp = require('fs/promises');

(async () => {
  const resolved = await fsp.realpath('data/../input.txt');
  console.log('resolves to:', path.relative(fs.realpathSync('.'), resolved));
})();

console.log('after realpath call');
