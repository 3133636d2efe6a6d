// Checks: `const { stat, readdir, readFileSync } = require('node:fs')`: two callback functions
// and a sync one from one destructuring; readFileSync stays in use after the rewrite.
const { stat, readdir, readFileSync } = require('node:fs');

stat('data', (err, stats) => {
  if (err) throw err;
  console.log('data is a directory:', stats.isDirectory());
  readdir('data', (err, names) => {
    if (err) throw err;
    const first = names.slice().sort()[0];
    console.log('first entry:', first, '->', readFileSync('data/' + first, 'utf8').trim());
  });
  console.log('after readdir call');
});
console.log('after stat call');
