// Checks: a named callback declared next to its only use (`fs.readFile(p, onRead); function
// onRead(err, text) {…}`) is the same function written inline, so the function converts; one
// named twice (here also called directly) is left as it is.
const fs = require('fs');

function readName(file, cb) {
  fs.readFile(file, 'utf8', onRead);
  console.log('reading', file);

  // the file holds the name on its first line
  function onRead(err, text) {
    if (err) return cb(err);
    cb(null, text.split('\n')[0]);
  }
}

function readTwice(file, cb) {
  fs.readFile(file, 'utf8', onRead);
  function onRead(err, text) {
    if (err) return onRead(null, '');
    cb(null, text.length);
  }
}
module.exports = { readName, readTwice };

readName('input.txt', (err, name) => {
  console.log('name:', err, name);
  readName('missing.txt', (err) => {
    console.log('missing:', err.code);
    readTwice('missing.txt', (err, n) => console.log('twice:', err, n));
  });
});
