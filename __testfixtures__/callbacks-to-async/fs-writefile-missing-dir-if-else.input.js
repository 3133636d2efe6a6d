// Checks: the error path of the `if (err) {…} else {…}` style: writing into a directory that
// does not exist fails with ENOENT, the else branch does not run, the process exits 0.
const fs = require('fs');

fs.writeFile('no-such-dir/out.txt', 'never written\n', (err) => {
  if (err) {
    console.log('write failed:', err.code, err.syscall);
  } else {
    console.log('not reached');
  }
});
console.log('after writeFile call');
