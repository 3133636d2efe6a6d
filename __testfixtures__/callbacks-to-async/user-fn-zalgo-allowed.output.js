// Checks: with --allow timing/sync-callback-now-async a function that calls back
// synchronously on a cache hit is converted anyway, and the finding stays in the report.
// The run shows the change the finding reports: on the cache hit the callback printed before
// "after the cached call"; once the function is async it prints after it (same lines, same
// exit, another order).
// awaitify-fixture: options {"allow": ["timing/sync-callback-now-async"]}
// awaitify-fixture: output-differs timing/sync-callback-now-async
const fsp = require('fs/promises');

const cache = new Map();
async function cachedRead(path) {
  if (cache.has(path)) return cache.get(path);
  const text = await fsp.readFile(path, 'utf8');
  cache.set(path, text);
  return text;
}

(async () => {
  const text = await cachedRead('input.txt');
  console.log('read', text.length);
  const againPromise = cachedRead('input.txt');
  console.log('after the cached call');
  const again = await againPromise;
  console.log('cache hit', again.length);
})();
