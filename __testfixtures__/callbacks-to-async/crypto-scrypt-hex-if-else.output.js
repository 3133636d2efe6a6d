// Checks: crypto.scrypt with options and fixed inputs (deterministic key), `if (err) {…} else
// {…}` style, inside a plain function called from the top level.
const crypto = require('crypto');
const { promisify } = require('util');

const scryptAsync = promisify(crypto.scrypt);

function deriveKey(password) {
  (async () => {
    let key;
    try {
      key = await scryptAsync(password, 'fixture-salt', 16, { N: 1024 });
    } catch (err) {
      console.error('scrypt failed', err.code);
      return;
    }
    console.log('scrypt:', key.toString('hex'));
  })();
  console.log('deriveKey: started');
}

deriveKey('correct horse');
console.log('after deriveKey()');
