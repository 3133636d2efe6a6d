// Checks: async.eachSeries becomes a for…of loop with awaits, and async.mapLimit a small local
// helper that runs at most `limit` items at a time, in order, and gives results by index.
const async = require('async');
const fs = require('fs');

async.eachSeries(['data/a.txt', 'data/b.txt'], (file, cb) => {
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) return cb(err);
    console.log('each:', file, text.length);
    cb();
  });
}, (err) => {
  if (err) throw err;
  console.log('eachSeries done');
  async.mapLimit(['data/a.txt', 'data/b.txt', 'data/c.txt'], 2, (file, cb) => fs.stat(file, (err, stats) => {
    if (err) return cb(err);
    cb(null, stats.size);
  }), (err, sizes) => {
    if (err) throw err;
    console.log('mapLimit sizes:', sizes);
  });
});
console.log('after eachSeries call');
