// Checks: crypto.scrypt with options and fixed inputs (deterministic key), `if (err) {…} else
// {…}` style, inside a plain function called from the top level.
const crypto = require('crypto');

function deriveKey(password) {
  crypto.scrypt(password, 'fixture-salt', 16, { N: 1024 }, (err, key) => {
    if (err) {
      console.error('scrypt failed', err.code);
    } else {
      console.log('scrypt:', key.toString('hex'));
    }
  });
  console.log('deriveKey: started');
}

deriveKey('correct horse');
console.log('after deriveKey()');
