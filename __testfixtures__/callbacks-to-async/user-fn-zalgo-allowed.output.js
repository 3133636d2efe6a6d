// Checks: with --allow timing/sync-callback-now-async a function that calls back
// synchronously on a cache hit is converted anyway, and the finding stays in the report.
// awaitify-fixture: options {"allow": ["timing/sync-callback-now-async"]}
// awaitify-fixture: no-run the order change on the cache hit is what the allowed finding reports
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
})();
