// Checks: a local variable set once to one of two graceful-fs functions that call back alike
// (stat or lstat) is called through util.promisify looked up at the call.
// awaitify-fixture: options {"dependencies": {"graceful-fs": "^4.2.0"}}
const fs = require('graceful-fs');
const { promisify } = require('util');

function sizeOf(file, dereference) {
  const stat = dereference ? fs.stat : fs.lstat;
  (async () => {
    let stats;
    try {
      stats = await promisify(stat)(file);
    } catch (err) {
      console.log('no', err.code);
      return;
    }
    console.log(file, stats.size);
  })();
  console.log('asked', file);
}
sizeOf('input.txt', true);
sizeOf('missing.txt', false);
