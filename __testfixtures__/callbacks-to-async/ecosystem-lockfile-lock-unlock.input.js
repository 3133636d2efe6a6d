// Checks: lockfile 1 (lock, unlock) calls back once, later: converted as proven through
// util.promisify of the same functions.
// awaitify-fixture: options {"dependencies": {"lockfile": "^1.0.4"}}
const lockfile = require('lockfile');

lockfile.lock('app.lock', {}, (er) => {
  if (er) throw er;
  console.log('locked', require('fs').existsSync('app.lock'));
  lockfile.unlock('app.lock', (er) => {
    if (er) throw er;
    console.log('unlocked', require('fs').existsSync('app.lock'));
  });
  console.log('after unlock call');
});
console.log('after lock call');
