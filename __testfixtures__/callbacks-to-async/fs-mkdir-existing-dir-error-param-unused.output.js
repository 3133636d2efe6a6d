// Checks: an error that is declared but never read: mkdir of data/ (which exists) fails with
// EEXIST, and the callback goes on as if nothing happened. The rewrite must ignore the error
// too, not crash on it.
const fs = require('fs');
const fsp = require('fs/promises');

(async () => {
  try {
    await fsp.mkdir('data');
  } catch {}
  console.log('mkdir returned; data/ is a directory:', fs.statSync('data').isDirectory());
})();

console.log('after mkdir call');
