// Checks: dns.lookup of a remote host name with the return style and a bare `address`.
// It needs the network and its answer varies, so the execution suite does not run it.
// awaitify-fixture: no-run (needs the network)
const dnsPromises = require('node:dns/promises');

(async () => {
  let address;
  try {
    ({ address } = await dnsPromises.lookup('example.com'));
  } catch (err) {
    console.error('lookup failed', err.code);
    return;
  }
  console.log('example.com resolved:', typeof address === 'string');
})();
console.log('after lookup call');
