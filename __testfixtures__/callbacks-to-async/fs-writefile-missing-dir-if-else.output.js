// Checks: the error path of the `if (err) {…} else {…}` style: writing into a directory that
// does not exist fails with ENOENT, the else branch does not run, the process exits 0.
const fsp = require('fs/promises');

(async () => {
  try {
    await fsp.writeFile('no-such-dir/out.txt', 'never written\n');
  } catch (err) {
    console.log('write failed:', err.code, err.syscall);
    return;
  }
  console.log('not reached');
})();
console.log('after writeFile call');
