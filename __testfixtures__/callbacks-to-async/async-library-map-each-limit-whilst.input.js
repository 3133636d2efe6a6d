// Checks: async.map (Promise.all over the items), async.eachLimit (the local limit helper)
// and async.whilst whose test answers at once (`(cb) => cb(null, round < 3)`, async v3) become
// native code: Promise.all, a limit helper, a while loop.
const async = require('async');
const fs = require('fs');

async.map(['data/a.txt', 'data/b.txt'], (file, cb) => {
  fs.stat(file, (err, stats) => {
    if (err) return cb(err);
    cb(null, stats.size);
  });
}, (err, sizes) => {
  if (err) throw err;
  console.log('map sizes:', sizes);
  const lengths = {};
  async.eachLimit(['data/a.txt', 'data/b.txt', 'data/c.txt'], 2, (file, cb) => {
    fs.readFile(file, 'utf8', (err, text) => {
      if (err) return cb(err);
      lengths[file] = text.length;
      cb();
    });
  }, (err) => {
    if (err) throw err;
    console.log('eachLimit lengths:', Object.keys(lengths).sort().map((key) => lengths[key]));
    let round = 0;
    async.whilst((cb) => cb(null, round < 3), (cb) => {
      round += 1;
      fs.access('input.txt', (err) => {
        if (err) return cb(err);
        console.log('whilst round', round);
        cb();
      });
    }, (err) => {
      if (err) throw err;
      console.log('whilst done after', round, 'rounds');
    });
  });
});
console.log('after map call');
