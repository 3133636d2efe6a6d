// Checks (refusal): the function throws synchronously for a bad argument; as an async function
// it would reject instead (timing/throw-becomes-rejection).
const fs = require('fs');

function readNamed(path, cb) {
  if (typeof path !== 'string') throw new TypeError('path must be a string');
  fs.readFile(path, 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text.length);
  });
}

try {
  readNamed(42, () => {});
} catch (error) {
  console.log('caught synchronously:', error.message);
}
