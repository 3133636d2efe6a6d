// Checks: a function that calls back synchronously on a cache hit converts by default, flagged
// (timing/sync-callback-now-async): on the cache hit the continuation now runs after the
// caller's next line, and the flag spans the function. With --strict it is refused
// (no-transform-user-fn-zalgo-cache-hit).
const fsp = require('fs/promises');

const cache = new Map();
async function cachedRead(path) {
  if (cache.has(path)) return cache.get(path);
  const text = await fsp.readFile(path, 'utf8');
  cache.set(path, text);
  return text;
}

(async () => {
  try {
    await cachedRead('input.txt');
  } catch {}
  const cachedReadPromise = cachedRead('input.txt');
  console.log('after the second call');
  try {
    await cachedReadPromise;
  } catch {}
  console.log('second read (from cache)');
})();
