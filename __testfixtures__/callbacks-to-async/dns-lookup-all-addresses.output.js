// Checks: dns.lookup with `{ all: true }` calls back with one array, which is what the promise
// form resolves; the callback's single value is that array, not an { address, family } pair.
const dnsPromises = require('dns/promises');

(async () => {
  let addresses;
  try {
    addresses = await dnsPromises.lookup('localhost', { all: true });
  } catch (err) {
    console.log('lookup failed');
    return;
  }
  console.log('an array of addresses:', Array.isArray(addresses) && addresses.length > 0);
})();
console.log('after lookup call');
