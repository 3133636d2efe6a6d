// Checks: async.waterfall whose tasks each hand one value on becomes a chain of awaits.
const async = require('async');
const fs = require('fs');

async.waterfall([
  (next) => fs.readFile('config.json', 'utf8', next),
  (text, next) => {
    fs.stat('config.json', (err, stats) => {
      if (err) return next(err);
      next(null, { name: JSON.parse(text).name, bytes: stats.size });
    });
  },
], (err, summary) => {
  if (err) throw err;
  console.log('waterfall:', summary.name, summary.bytes > 0);
});
console.log('after waterfall call');
