// Checks: a waterfall task that calls its callback synchronously converts by default, flagged
// (timing/sync-callback-now-async). With --strict it is refused
// (no-transform-async-library-sync-task).
const async = require('async');
const fs = require('fs');

async.waterfall([
  (next) => fs.readFile('config.json', 'utf8', next),
  (text, next) => next(null, JSON.parse(text).name),
], (err, name) => {
  if (err) throw err;
  console.log('name:', name);
});
