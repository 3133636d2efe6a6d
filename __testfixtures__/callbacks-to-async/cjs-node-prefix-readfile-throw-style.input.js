// Checks: CommonJS with the node: prefix, `require('node:fs')`; the added promise import must
// keep the prefix and the require style.
const fs = require('node:fs');

fs.readFile('logs/app.log', 'utf8', (err, text) => {
  if (err) throw err;
  console.log('log lines:', text.trim().split('\n').length);
});
console.log('after readFile call');
