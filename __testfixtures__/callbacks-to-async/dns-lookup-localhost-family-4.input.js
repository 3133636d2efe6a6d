// Checks: dns.lookup('localhost') with options ({ family: 4 }); the multi-value callback
// (err, address, family) maps to { address, family }. Uses /etc/hosts, not the network.
const dns = require('dns');

dns.lookup('localhost', { family: 4 }, (err, address, family) => {
  if (err) throw err;
  console.log('localhost is', address, 'family', family);
});
console.log('after lookup call');
process.nextTick(() => console.log('nextTick after the call'));
