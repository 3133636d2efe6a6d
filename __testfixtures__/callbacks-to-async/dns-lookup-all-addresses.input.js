// Checks: dns.lookup with `{ all: true }` calls back with one array, which is what the promise
// form resolves; the callback's single value is that array, not an { address, family } pair.
const dns = require('dns');

dns.lookup('localhost', { all: true }, (err, addresses) => {
  if (err) {
    console.log('lookup failed');
    return;
  }
  console.log('an array of addresses:', Array.isArray(addresses) && addresses.length > 0);
});
console.log('after lookup call');
