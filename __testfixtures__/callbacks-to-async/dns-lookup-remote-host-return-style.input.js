// Checks: dns.lookup of a remote host name with the return style and a bare `address`.
// It needs the network and its answer varies, so the execution suite does not run it.
// awaitify-fixture: no-run (needs the network)
const dns = require('node:dns');

dns.lookup('example.com', (err, address) => {
  if (err) {
    console.error('lookup failed', err.code);
    return;
  }
  console.log('example.com resolved:', typeof address === 'string');
});
console.log('after lookup call');
