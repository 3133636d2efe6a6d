// Checks: dns.lookup('localhost') with options ({ family: 4 }); the multi-value callback
// (err, address, family) maps to { address, family }. Uses /etc/hosts, not the network.
const dnsPromises = require('dns/promises');

(async () => {
  const { address, family } = await dnsPromises.lookup('localhost', { family: 4 });
  console.log('localhost is', address, 'family', family);
})();
console.log('after lookup call');
process.nextTick(() => console.log('nextTick after the call'));
