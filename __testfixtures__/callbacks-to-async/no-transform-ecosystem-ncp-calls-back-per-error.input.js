// Checks: ncp 2 is in the ecosystem table as calling back once per failing file (stopOnError):
// refused with timing/api-not-promisable, not converted on the unknown-callee assumption.
// awaitify-fixture: options {"dependencies": {"ncp": "~2.0.0"}}
const ncp = require('ncp').ncp;

ncp('data', 'data-copy', (err) => {
  if (err) {
    console.log('failed', err.length);
    return;
  }
  console.log('copied');
});
console.log('after ncp call');
