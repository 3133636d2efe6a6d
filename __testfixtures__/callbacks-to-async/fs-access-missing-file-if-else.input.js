// Checks: fs.access with a mode argument on a missing file, `if (err) {…} else {…}` style,
// error path taken; the parameter is named `e`.
const fs = require('fs');

fs.access('missing.txt', fs.constants.R_OK, (e) => {
  if (e) {
    console.log('not readable:', e.code);
  } else {
    console.log('readable');
  }
});
console.log('after access call');
