// Checks: a `next()` loop whose read fails part-way stops there and passes the error on, as the
// converted loop's throw does; entries after the failure are never read.
const fs = require('fs');

function sizes(files, cb) {
  const out = [];
  let index = 0;
  function next() {
    if (index === files.length) return cb(null, out);
    fs.stat(files[index], (err, stats) => {
      if (err) return cb(err);
      out.push(stats.size);
      index += 1;
      next();
    });
  }
  next();
}

sizes(['input.txt', 'missing.txt', 'other.txt'], (err, list) => {
  if (err) {
    console.log('stopped:', err.code);
    return;
  }
  console.log('sizes:', list);
});
console.log('after sizes call');
