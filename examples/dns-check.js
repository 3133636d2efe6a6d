'use strict';
// Checks that the machine can resolve localhost. The address itself differs between
// machines (127.0.0.1 or ::1), so only success or failure is printed.

const dns = require('dns');

dns.lookup('localhost', (err, address, family) => {
  if (err) {
    console.log('dns: localhost lookup failed');
    return;
  }
  console.log('dns: localhost resolves:', typeof address === 'string' && (family === 4 || family === 6));

  dns.lookup('localhost', { all: true }, (err, addresses) => {
    if (err) {
      console.log('dns: lookup of all addresses failed');
      return;
    }
    console.log('dns: found at least one address:', addresses.length > 0);
  });
});
console.log('dns: looking up localhost');
