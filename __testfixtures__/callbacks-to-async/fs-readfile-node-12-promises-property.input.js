// Checks: when engines.node allows Node 12, which has no `fs/promises` module path, the
// promise API comes from `require('fs').promises` instead.
// awaitify-fixture: options {"minNodeMajor": 12}
const fs = require('fs');

fs.readFile('input.txt', 'utf8', (err, text) => {
  if (err) throw err;
  console.log('read', text.length, 'chars');
});
