// Checks: fs.unlink of a file that does not exist with an ignoring callback: the ENOENT error
// is swallowed before, and must be swallowed after the rewrite (no crash, exit 0).
const fsp = require('fs/promises');

(async () => {
  try {
    await fsp.unlink('missing.txt');
  } catch {}
  console.log('unlink finished (error, if any, ignored)');
})();
console.log('after unlink call');
process.nextTick(() => console.log('nextTick after the call'));
