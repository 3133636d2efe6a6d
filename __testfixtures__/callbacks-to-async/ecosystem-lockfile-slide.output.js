// Checks: lockfile 1 (lock, unlock) converts as proven; slide's asyncMap may call back
// synchronously (an empty list), so it converts with timing/sync-callback-now-async.
// awaitify-fixture: options {"dependencies": {"lockfile": "^1.0.4", "slide": "~1.1.3"}}
const lockfile = require('lockfile');
const { asyncMap } = require('slide');

const {
  promisify
} = require('util');

const lockAsync = promisify(lockfile.lock);
const asyncMapAsync = promisify(asyncMap);
const unlockAsync = promisify(lockfile.unlock);

(async () => {
  await lockAsync('app.lock', {});
  console.log('locked');
  const names = await asyncMapAsync(['a', 'b'], (name, cb) => setImmediate(() => cb(null, name.toUpperCase())));
  console.log('mapped', names.join(','));
  await unlockAsync('app.lock');
  console.log('unlocked');
})();

console.log('after lock call');
