// Checks: a callback call inside a try block: the try only ever caught what the call threw
// synchronously; the callback's error goes to the callback. The IIFE keeps both: the read
// starts inside the try, and its error reaches the handler, not the catch.
const fsp = require('fs/promises');

try {
  (async () => {
    try {
      await fsp.readFile('missing.txt', 'utf8');
    } catch (err) {
      console.log('callback got', err.code);
      return;
    }
    console.log('not reached');
  })();
  console.log('after the call, still in the try');
} catch (error) {
  console.log('never caught here:', error.message);
}
console.log('after the try');
