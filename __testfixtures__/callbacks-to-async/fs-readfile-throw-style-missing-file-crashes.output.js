// Checks: the error path of `if (err) throw err;`: reading a missing file crashes the process
// with ENOENT (an uncaught exception before, an unhandled rejection after: same message, same
// exit code). The code after the call still runs first.
// awaitify-fixture: expect-exit 1
const fsp = require('fs/promises');

(async () => {
  const text = await fsp.readFile('missing.txt', 'utf8');
  console.log('not reached', text);
})();
console.log('after readFile call');
process.nextTick(() => console.log('nextTick after the call'));
Promise.resolve().then(() => console.log('promise job after the call'));
