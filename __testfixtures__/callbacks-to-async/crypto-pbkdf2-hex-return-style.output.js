// Checks: crypto.pbkdf2 (destructured from node:crypto) with fixed inputs, so the derived key
// is deterministic; return style.
const { pbkdf2 } = require('node:crypto');
const { promisify } = require('node:util');

const pbkdf2Async = promisify(pbkdf2);

(async () => {
  let key;
  try {
    key = await pbkdf2Async('secret', 'salt', 1000, 16, 'sha256');
  } catch (err) {
    console.error('pbkdf2 failed', err.code);
    return;
  }
  console.log('pbkdf2:', key.toString('hex'));
})();

console.log('after pbkdf2 call');
