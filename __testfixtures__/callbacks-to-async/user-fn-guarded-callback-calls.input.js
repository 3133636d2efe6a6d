// Checks: `if (cb) return cb(err)`, `cb && cb(null, v)` and `typeof cb === 'function' && cb(…)`
// read as the calls they guard: as an async function the "callback" (the promise) is always there.
const fs = require('fs');

function sizeOf(file, cb) {
  fs.stat(file, (err, stats) => {
    if (err) {
      if (cb) return cb(err);
      return;
    }
    cb && cb(null, stats.size);
  });
}

function firstLine(file, cb) {
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) return typeof cb === 'function' && cb(err);
    if (typeof cb === 'function') cb(null, text.split('\n')[0]);
  });
}
module.exports = { sizeOf, firstLine };

sizeOf('input.txt', (err, size) => {
  console.log('size:', err, size);
  sizeOf('missing.txt', (err) => {
    console.log('size error:', err.code);
    firstLine('input.txt', (err, line) => {
      console.log('first line:', err, line);
      firstLine('missing.txt', (err) => console.log('line error:', err.code));
    });
  });
});
