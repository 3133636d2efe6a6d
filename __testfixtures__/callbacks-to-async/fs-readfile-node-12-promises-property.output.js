// Checks: when engines.node allows Node 12, which has no `fs/promises` module path, the
// promise API comes from `require('fs').promises` instead.
// awaitify-fixture: options {"minNodeMajor": 12}
const fsp = require('fs').promises;

(async () => {
  const text = await fsp.readFile('input.txt', 'utf8');
  console.log('read', text.length, 'chars');
})();
