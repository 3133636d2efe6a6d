// Checks: the names the native code introduces (`results`, `item`) do not hide names the
// iteratee reads from outside: here both `results` and `item` are the file's own variables.
const async = require('async');
const fs = require('fs');

const results = ['prefix'];
const item = 'suffix';
async.mapSeries(['data/a.txt', 'data/b.txt'], (file, cb) => {
  fs.stat(file, (err, stats) => {
    if (err) return cb(err);
    cb(null, `${results[0]}:${stats.size}:${item}`);
  });
}, (err, sizes) => {
  if (err) throw err;
  console.log('labels:', sizes);
});
