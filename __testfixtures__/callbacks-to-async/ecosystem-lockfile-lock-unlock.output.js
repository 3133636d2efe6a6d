// Checks: lockfile 1 (lock, unlock) calls back once, later: converted as proven through
// util.promisify of the same functions.
// awaitify-fixture: options {"dependencies": {"lockfile": "^1.0.4"}}
const lockfile = require('lockfile');
const { promisify } = require('util');

const lockAsync = promisify(lockfile.lock);
const unlockAsync = promisify(lockfile.unlock);

(async () => {
  await lockAsync('app.lock', {});
  console.log('locked', require('fs').existsSync('app.lock'));
  const unlockPromise = unlockAsync('app.lock');
  console.log('after unlock call');
  await unlockPromise;
  console.log('unlocked', require('fs').existsSync('app.lock'));
})();

console.log('after lock call');
