// Checks: a package that calls gracefulify(fs) makes plain fs graceful; its fs calls are
// promisified where they are made, so the patched functions run, not fs/promises.
// awaitify-fixture: options {"gracefulFs": true, "dependencies": {"graceful-fs": "4.2.11"}}
const fs = require('fs');
const gracefulFs = require('graceful-fs');
const { promisify } = require('util');

gracefulFs.gracefulify(fs);

(async () => {
  const text = await promisify(fs.readFile)('input.txt', 'utf8');
  console.log('lines', text.split('\n').length);
  await promisify(fs.writeFile)('count.txt', String(text.length));
  console.log('written');
})();
console.log('after readFile call');
