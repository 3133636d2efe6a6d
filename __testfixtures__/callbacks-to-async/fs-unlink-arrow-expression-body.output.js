// Checks: an fs call that is an arrow's whole expression body (`(file) => fs.unlink(file, cb)`)
// becomes a block holding the IIFE; the arrow still returns undefined, as fs.unlink did, and
// the unlink still starts inside the map callback.
const fs = require('fs');
const fsp = require('fs/promises');

fs.writeFileSync('one.tmp', '1');
const started = ['one.tmp'].map((file) => {
  (async () => {
    await fsp.unlink(file);
    console.log('removed', file, fs.existsSync(file));
  })();
});
console.log('arrows returned:', started);
