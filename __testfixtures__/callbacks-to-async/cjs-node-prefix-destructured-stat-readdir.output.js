// Checks: `const { stat, readdir, readFileSync } = require('node:fs')`: two callback functions
// and a sync one from one destructuring; readFileSync stays in use after the rewrite.
const {
  readFileSync
} = require('node:fs');
const fsp = require('node:fs/promises');

(async () => {
  const stats = await fsp.stat('data');
  console.log('data is a directory:', stats.isDirectory());
  const namesPromise = fsp.readdir('data');
  console.log('after readdir call');
  const names = await namesPromise;
  const first = names.slice().sort()[0];
  console.log('first entry:', first, '->', readFileSync('data/' + first, 'utf8').trim());
})();

console.log('after stat call');
