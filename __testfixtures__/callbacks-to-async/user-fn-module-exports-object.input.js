// Checks: `module.exports = { read(p, cb) {…} }` methods are visible outside the file and keep
// the dual API; a caller here passes a callback and is called back once.
const fs = require('fs');

module.exports = {
  read(path, cb) {
    fs.readFile(path, 'utf8', (err, text) => {
      if (err) return cb(err);
      cb(null, text.trim());
    });
  },
};

module.exports.read('other.txt', (err, text) => {
  if (err) throw err;
  console.log('other.txt:', JSON.stringify(text));
});
console.log('after read call');
