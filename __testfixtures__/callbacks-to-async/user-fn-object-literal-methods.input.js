// Checks: methods of a module-level object literal that take a callback convert; calls
// through the object (`files.size(…)`) with an inline callback are awaited.
const fs = require('fs');

const files = {
  size(path, cb) {
    fs.stat(path, (err, stats) => {
      if (err) return cb(err);
      cb(null, stats.size);
    });
  },
  lines: function (path, cb) {
    fs.readFile(path, 'utf8', (err, text) => {
      if (err) return cb(err);
      cb(null, text.split('\n').filter(Boolean).length);
    });
  },
};

files.size('input.txt', (err, size) => {
  if (err) throw err;
  console.log('size:', size);
  files.lines('input.txt', (err, lines) => {
    if (err) throw err;
    console.log('lines:', lines);
  });
  console.log('counting lines');
});
console.log('after size call');
