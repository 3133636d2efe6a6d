// Checks (refusal): `unlock` stays callback-style (`cb && cb()` reads the callback), so the
// fs.unlink inside it, whose callback calls `cb`, is left with it: no async IIFE inside a
// function that still takes `cb` (timing/callback-api-not-converted, callsOuterCallback).
const fs = require('fs');

fs.writeFileSync('lock.txt', 'x');

function unlock(path, cb) {
  fs.unlink(path, function (unlinkEr) {
    console.log('unlinked', !!unlinkEr);
    cb && cb();
  });
}

unlock('lock.txt', () => console.log('done'));
unlock('missing.txt');
console.log('started');
