// Checks: fs.stat with `if (err) {…} else {…}` followed by more code in the callback that runs
// on both paths; the callback parameter is called `error`, not `err`.
const fsp = require('fs/promises');

(async () => {
  let error = null;
  let stats;
  try {
    stats = await fsp.stat('input.txt');
  } catch (caught) {
    error = caught;
  }
  if (error) {
    console.error('stat failed:', error.code);
  } else {
    console.log('input.txt size:', stats.size, 'file:', stats.isFile());
  }
  console.log('stat callback finished');
})();
console.log('after stat call');
