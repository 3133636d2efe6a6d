// Checks: ncp 2 is in the ecosystem table as calling back once per failing file with
// stopOnError, and as counting a file twice with clobber (the default) when it cannot remove the
// old one: calls that pass stopOnError, or no clobber false, are refused with
// timing/api-not-promisable, not converted on the unknown-callee assumption.
// awaitify-fixture: options {"dependencies": {"ncp": "~2.0.0"}}
const ncp = require('ncp').ncp;

ncp('data', 'data-copy', { stopOnError: true }, (err) => {
  if (err) {
    console.log('failed', err.length);
    return;
  }
  console.log('copied');
  ncp('data', 'data-copy-2', (err) => {
    if (err) {
      console.log('failed', err.length);
      return;
    }
    console.log('copied again');
  });
});
console.log('after ncp call');
