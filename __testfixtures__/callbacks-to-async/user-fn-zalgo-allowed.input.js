// Checks: with --allow timing/sync-callback-now-async a function that calls back
// synchronously on a cache hit is converted anyway, and the finding stays in the report.
// awaitify-fixture: options {"allow": ["timing/sync-callback-now-async"]}
// awaitify-fixture: no-run the order change on the cache hit is what the allowed finding reports
const fs = require('fs');

const cache = new Map();
function cachedRead(path, cb) {
  if (cache.has(path)) return cb(null, cache.get(path));
  fs.readFile(path, 'utf8', (err, text) => {
    if (err) return cb(err);
    cache.set(path, text);
    cb(null, text);
  });
}

cachedRead('input.txt', (err, text) => {
  if (err) throw err;
  console.log('read', text.length);
});
