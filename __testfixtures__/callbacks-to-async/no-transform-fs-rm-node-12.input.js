// Checks (refusal): fs.promises.rm arrived in Node 14; when engines.node allows Node 12 the
// call is left as it is (timing/unsupported-node-version).
// awaitify-fixture: options {"minNodeMajor": 12}
const fs = require('fs');

fs.rm('no-such-dir', { recursive: true, force: true }, (err) => {
  if (err) throw err;
  console.log('removed');
});
