// Checks: a `called` guard (`if (called) return; called = true;` at the top of the one
// callback it guards) is what the promise already does (it settles once): once the proof shows
// the callback is called exactly once, the flag goes and the function converts. Callers that
// pass a callback still get one call each.
var fsp = require('fs/promises');

async function readLength(p) {
  var text = await fsp.readFile(p, 'utf8');
  return text.length;
}

(async () => {
  var n = await readLength('input.txt');
  console.log('length:', n);
  var err = null;
  try {
    await readLength('missing.txt');
  } catch (caught) {
    err = caught;
  }
  console.log('error once:', err.code);
})();
console.log('after readLength call');
