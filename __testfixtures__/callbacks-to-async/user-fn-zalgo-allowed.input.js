// Checks: with --allow timing/sync-callback-now-async a function that calls back
// synchronously on a cache hit is converted anyway, and the finding stays in the report.
// The run shows the change the finding reports: on the cache hit the callback printed before
// "after the cached call"; once the function is async it prints after it (same lines, same
// exit, another order).
// awaitify-fixture: options {"allow": ["timing/sync-callback-now-async"]}
// awaitify-fixture: output-differs timing/sync-callback-now-async
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
  cachedRead('input.txt', (err, again) => {
    if (err) throw err;
    console.log('cache hit', again.length);
  });
  console.log('after the cached call');
});
