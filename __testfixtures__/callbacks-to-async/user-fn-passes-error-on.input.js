// Checks: `cb(er)` with the operation's own error parameter passes the outcome on as it is
// (null on success, the error on failure): `if (er) throw er; return;`, also from an arrow
// `(er) => cb(er)`.
const fs = require('fs');

function save(file, text, cb) {
  fs.writeFile(file, text, function (er) {
    cb(er);
  });
}

function saveTwice(file, text, cb) {
  fs.writeFile(file, text, (err) => {
    if (err) return cb(err);
    fs.appendFile(file, text, (er) => cb(er));
  });
}
module.exports = { save, saveTwice };

save('a.txt', 'x', (err, value) => {
  console.log('saved:', err, value);
  save('no-such-dir/a.txt', 'x', (err) => {
    console.log('failed:', err.code);
    saveTwice('b.txt', 'y', (err, value) => {
      console.log('twice:', err, value, fs.readFileSync('b.txt', 'utf8'));
      saveTwice('no-such-dir/b.txt', 'y', (err) => console.log('twice failed:', err.code));
    });
  });
});
