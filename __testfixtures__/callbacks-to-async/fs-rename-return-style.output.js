// Checks: fs.rename with the return style inside a callback that also logs after the if.
const fs = require('fs');
const fsp = require('fs/promises');

(async () => {
  try {
    await fsp.rename('other.txt', 'renamed.txt');
  } catch (err) {
    console.error('rename failed', err.code);
    return;
  }
  console.log('renamed.txt exists:', fs.existsSync('renamed.txt'));
  console.log('other.txt exists:', fs.existsSync('other.txt'));
})();

console.log('after rename call');
