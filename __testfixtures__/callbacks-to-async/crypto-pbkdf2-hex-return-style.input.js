// Checks: crypto.pbkdf2 (destructured from node:crypto) with fixed inputs, so the derived key
// is deterministic; return style.
const { pbkdf2 } = require('node:crypto');

pbkdf2('secret', 'salt', 1000, 16, 'sha256', (err, key) => {
  if (err) {
    console.error('pbkdf2 failed', err.code);
    return;
  }
  console.log('pbkdf2:', key.toString('hex'));
});
console.log('after pbkdf2 call');
