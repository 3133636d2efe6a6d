// Checks (refusal): `cb(er)` inside a cleanup's callback, where `er` is assigned again after the
// test that made it an error (here cleared when the file was only missing), may pass no error
// at all: no `throw er` can stand for it, so the function is left as it is.
const fs = require('fs');

function removeQuietly(file, cb) {
  fs.unlink(file, function (er) {
    if (er) {
      if (er.code === 'ENOENT') er = null;
      return fs.writeFile(file + '.log', 'tried', function () {
        cb(er);
      });
    }
    cb(null);
  });
}

removeQuietly('missing.txt', (err) => {
  console.log('missing:', err, fs.readFileSync('missing.txt.log', 'utf8'));
  removeQuietly('data', (err) => console.log('directory:', err.code));
});
console.log('started');
