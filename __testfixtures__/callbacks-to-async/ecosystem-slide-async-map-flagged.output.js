// Checks: slide's asyncMap calls back synchronously on an empty list (the table says it is not
// always asynchronous), so it converts with timing/sync-callback-now-async, and --strict
// leaves it.
// awaitify-fixture: options {"dependencies": {"slide": "~1.1.3"}}
const { asyncMap } = require('slide');
const { promisify } = require('util');

const asyncMapAsync = promisify(asyncMap);

(async () => {
  const names = await asyncMapAsync(['a', 'b'], (name, cb) => setImmediate(() => cb(null, name.toUpperCase())));
  console.log('mapped', names.join(','));
})();

console.log('after asyncMap call');
