// Checks: a callback call inside a try block: the try only ever caught what the call threw
// synchronously; the callback's error goes to the callback. The IIFE keeps both: the read
// starts inside the try, and its error reaches the handler, not the catch.
const fs = require('fs');

try {
  fs.readFile('missing.txt', 'utf8', (err) => {
    if (err) {
      console.log('callback got', err.code);
      return;
    }
    console.log('not reached');
  });
  console.log('after the call, still in the try');
} catch (error) {
  console.log('never caught here:', error.message);
}
console.log('after the try');
