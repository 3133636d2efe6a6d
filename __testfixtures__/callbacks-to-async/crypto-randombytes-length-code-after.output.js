// Checks: crypto.randomBytes with a callback (only the length is printed, so the output is
// fixed) and code after the call.
const crypto = require('crypto');
const { promisify } = require('util');

const randomBytesAsync = promisify(crypto.randomBytes);

(async () => {
  const buf = await randomBytesAsync(16);
  console.log('random bytes:', buf.length, 'hex chars:', buf.toString('hex').length);
})();

console.log('after randomBytes call');
Promise.resolve().then(() => console.log('promise job after the call'));
