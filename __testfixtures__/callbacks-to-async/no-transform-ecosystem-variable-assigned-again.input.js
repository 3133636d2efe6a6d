// Checks: a variable that holds fs.stat but is assigned again later may hold anything: the
// call stays an unknown callee, refused under --strict.
// awaitify-fixture: options {"strict": true, "dependencies": {"graceful-fs": "^4.2.0"}}
const fs = require('graceful-fs');

function sizeOf(file) {
  let stat = fs.stat;
  if (file.endsWith('.txt')) stat = (p, cb) => cb(null, { size: -1 });
  stat(file, (err, stats) => {
    if (err) {
      console.log('no', err.code);
      return;
    }
    console.log(file, stats.size);
  });
  console.log('asked', file);
}
sizeOf('input.txt');
