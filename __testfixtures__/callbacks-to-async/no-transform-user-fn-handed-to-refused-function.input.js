// Checks: a callback API that hands its callback to another callback function of this file
// that stays callback-style (it may call back twice) is left as it is, and its refusal names
// that function and why; a function that returns a callback made for another call says so.
const fs = require('fs');

function readTwice(file, cb) {
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text.length);
    cb(null, text.length * 2);
  });
}

function measure(file, cb) {
  readTwice(file, cb);
}

function lengthOf(cb) {
  return function (err, text) {
    if (err) return cb(err);
    cb(null, text.length);
  };
}

measure('input.txt', (err, n) => {
  console.log('measure:', err ? err.code : n);
});
fs.readFile('input.txt', 'utf8', lengthOf((err, n) => {
  console.log('lengthOf:', err ? err.code : n);
}));
console.log('started');
