// Checks: async.series and async.parallel with inline task functions become native code:
// series awaits the tasks one after another into an array, parallel starts them together and
// joins them with Promise.all; the final callback becomes the await's continuation.
const async = require('async');
const fs = require('fs');

async.series([
  (cb) => fs.readFile('input.txt', 'utf8', cb),
  (cb) => {
    fs.stat('other.txt', (err, stats) => {
      if (err) return cb(err);
      cb(null, stats.size);
    });
  },
], (err, results) => {
  if (err) throw err;
  console.log('series:', results[0].length, results[1]);
  async.parallel([
    (done) => fs.readFile('data/a.txt', 'utf8', done),
    (done) => fs.readFile('missing.txt', 'utf8', done),
  ], (err) => {
    if (err) {
      console.log('parallel failed:', err.code);
      return;
    }
    console.log('not reached');
  });
  console.log('parallel started');
});
console.log('after series call');
