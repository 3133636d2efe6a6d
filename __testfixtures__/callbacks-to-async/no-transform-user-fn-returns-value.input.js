// Checks (refusal): the function also returns a value to its caller, which would become a
// promise (timing/return-value-now-promise).
const fs = require('fs');

function startRead(path, cb) {
  fs.readFile(path, 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text.length);
  });
  return path.toUpperCase();
}

console.log('started', startRead('other.txt', (err, length) => console.log('length:', length)));
