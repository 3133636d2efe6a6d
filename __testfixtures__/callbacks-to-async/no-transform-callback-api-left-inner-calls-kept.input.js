// Checks (refusal): `unlock` stays callback-style (it stores its callback), so the fs.unlink
// inside it, whose callback calls `cb`, is left with it: no async IIFE inside a function that
// still takes `cb` (timing/callback-api-not-converted, callsOuterCallback).
const fs = require('fs');

fs.writeFileSync('lock.txt', 'x');
let lastCallback;

function unlock(path, cb) {
  lastCallback = cb;
  fs.unlink(path, function (unlinkEr) {
    console.log('unlinked', !!unlinkEr);
    cb();
  });
}

unlock('lock.txt', () => console.log('done'));
unlock('missing.txt', () => console.log('done again', lastCallback !== undefined));
console.log('started');
