// Checks (refusal): the callback is called synchronously on a cache hit and asynchronously
// otherwise (Zalgo): converting would move the cache-hit call after the caller's next line.
// awaitify-fixture: options {"strict": true}
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
