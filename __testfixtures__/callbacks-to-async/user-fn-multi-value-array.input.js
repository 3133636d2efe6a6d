// Checks: a callback API function that calls back with two values (`cb(null, size, isFile)`)
// returns an array, and its caller destructures it.
const fs = require('fs');

function describeFile(path, cb) {
  fs.stat(path, (err, stats) => {
    if (err) return cb(err);
    cb(null, stats.size, stats.isFile());
  });
}

describeFile('input.txt', (err, size, isFile) => {
  if (err) throw err;
  console.log('input.txt:', size, 'bytes, file:', isFile);
});
console.log('after describeFile call');
