// Checks: lockfile 1 (lock, unlock) converts as proven; slide's asyncMap may call back
// synchronously (an empty list), so it converts with timing/sync-callback-now-async.
// awaitify-fixture: options {"dependencies": {"lockfile": "^1.0.4", "slide": "~1.1.3"}}
const lockfile = require('lockfile');
const { asyncMap } = require('slide');

lockfile.lock('app.lock', {}, (er) => {
  if (er) throw er;
  console.log('locked');
  asyncMap(['a', 'b'], (name, cb) => setImmediate(() => cb(null, name.toUpperCase())), (er, names) => {
    if (er) throw er;
    console.log('mapped', names.join(','));
    lockfile.unlock('app.lock', (er) => {
      if (er) throw er;
      console.log('unlocked');
    });
  });
});
console.log('after lock call');
