// Checks: a function that calls back synchronously on a cache hit converts by default, flagged
// (timing/sync-callback-now-async): on the cache hit the continuation now runs after the
// caller's next line, and the flag spans the function. With --strict it is refused
// (no-transform-user-fn-zalgo-cache-hit).
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

cachedRead('input.txt', () => {
  cachedRead('input.txt', () => console.log('second read (from cache)'));
  console.log('after the second call');
});
