// Checks: two optional arguments, each shifted when the callback comes in its place: one default
// per parameter would be right for one call shape only, so the function is left as it is.
const fs = require('fs');

function readPart(file, start, end, cb) {
  if (typeof start === 'function') {
    cb = start;
    start = 0;
  }
  if (typeof end === 'function') {
    cb = end;
    end = undefined;
  }
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text.slice(start, end));
  });
}
module.exports = readPart;

readPart('input.txt', (err, text) => {
  console.log('whole:', err, JSON.stringify(text));
  readPart('input.txt', 6, (err, text) => console.log('from 6:', err, JSON.stringify(text)));
});
