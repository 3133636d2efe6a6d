// Checks: async.each (Promise.all over the items), async.mapSeries (a for…of loop that
// collects results in order) and async.until with a test that answers at once become native
// code.
const async = require('async');
const fs = require('fs');

const seen = {};
async.each(['data/a.txt', 'data/b.txt'], (file, cb) => {
  fs.stat(file, (err, stats) => {
    if (err) return cb(err);
    seen[file] = stats.size;
    cb();
  });
}, (err) => {
  if (err) throw err;
  console.log('each:', Object.keys(seen).sort().map((key) => seen[key]));
  async.mapSeries(['data/c.txt', 'data/a.txt'], (file, cb) => {
    fs.readFile(file, 'utf8', (err, text) => {
      if (err) return cb(err);
      console.log('mapSeries read', file);
      cb(null, text.trim());
    });
  }, (err, texts) => {
    if (err) throw err;
    console.log('mapSeries texts:', texts);
    let tries = 0;
    async.until((cb) => cb(null, tries >= 2), (cb) => {
      tries += 1;
      fs.access('input.txt', (err) => {
        if (err) return cb(err);
        console.log('until try', tries);
        cb();
      });
    }, (err) => {
      if (err) throw err;
      console.log('until done after', tries, 'tries');
    });
  });
});
console.log('after each call');
