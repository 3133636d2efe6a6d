// Checks: fs.stat with `if (err) {…} else {…}` followed by more code in the callback that runs
// on both paths; the callback parameter is called `error`, not `err`.
const fs = require('fs');

fs.stat('input.txt', (error, stats) => {
  if (error) {
    console.error('stat failed:', error.code);
  } else {
    console.log('input.txt size:', stats.size, 'file:', stats.isFile());
  }
  console.log('stat callback finished');
});
console.log('after stat call');
