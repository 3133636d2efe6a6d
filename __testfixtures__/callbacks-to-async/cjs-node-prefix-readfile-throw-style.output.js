// Checks: CommonJS with the node: prefix, `require('node:fs')`; the added promise import must
// keep the prefix and the require style.
const fsp = require('node:fs/promises');

(async () => {
  const text = await fsp.readFile('logs/app.log', 'utf8');
  console.log('log lines:', text.trim().split('\n').length);
})();
console.log('after readFile call');
