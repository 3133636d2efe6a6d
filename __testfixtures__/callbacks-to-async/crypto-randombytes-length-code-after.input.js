// Checks: crypto.randomBytes with a callback (only the length is printed, so the output is
// fixed) and code after the call.
const crypto = require('crypto');

crypto.randomBytes(16, (err, buf) => {
  if (err) throw err;
  console.log('random bytes:', buf.length, 'hex chars:', buf.toString('hex').length);
});
console.log('after randomBytes call');
Promise.resolve().then(() => console.log('promise job after the call'));
