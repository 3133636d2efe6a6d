// Checks: with --api promise an exported callback function loses its callback form: it
// returns a promise only. Its in-file caller awaits it.
// awaitify-fixture: options {"api": "promise"}
const fs = require('fs');

function sizeOf(path, cb) {
  fs.stat(path, (err, stats) => {
    if (err) return cb(err);
    cb(null, stats.size);
  });
}
module.exports = { sizeOf };

sizeOf('input.txt', (err, size) => {
  if (err) throw err;
  console.log('size:', size);
});
console.log('after sizeOf call');
