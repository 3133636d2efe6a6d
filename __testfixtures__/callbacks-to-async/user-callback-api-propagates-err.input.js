// Checks: `if (err) return cb(err)` inside a function that takes a callback `cb`: a user
// callback API, converted as a whole (async function, errors thrown to the awaiting caller),
// with its in-file callers awaiting it; the caller whose callback reads `err.code` keeps
// working through a captured error.
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
