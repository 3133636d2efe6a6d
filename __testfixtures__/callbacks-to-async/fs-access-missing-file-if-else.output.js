// Checks: fs.access with a mode argument on a missing file, `if (err) {…} else {…}` style,
// error path taken; the parameter is named `e`.
const fs = require('fs');
const fsp = require('fs/promises');

(async () => {
  try {
    await fsp.access('missing.txt', fs.constants.R_OK);
  } catch (e) {
    console.log('not readable:', e.code);
    return;
  }
  console.log('readable');
})();

console.log('after access call');
