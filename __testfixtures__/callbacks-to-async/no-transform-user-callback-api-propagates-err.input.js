// Checks (refusal): `if (err) return cb(err)` inside a function that takes a callback `cb`.
// That function is a user callback API, converted as a whole or not at all; this transform
// converts Node core calls only, so the code stays as it is.
const fs = require('fs');

function readUpper(file, cb) {
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text.toUpperCase());
  });
}

readUpper('other.txt', (err, upper) => {
  if (err) throw err;
  console.log('upper:', upper.trim());
  readUpper('missing.txt', (err) => {
    console.log('missing.txt:', err.code);
  });
});
console.log('after readUpper call');
