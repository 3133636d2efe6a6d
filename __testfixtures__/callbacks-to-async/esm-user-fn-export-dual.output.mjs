// Checks: an exported ES module function keeps the dual API; its in-file caller awaits it.
import * as fsp from 'node:fs/promises';

// awaitify: the dual API of converted functions (callback when given, else the promise).
function settleCallback(promise, callback, spread = false) {
  if (typeof callback !== 'function') return promise;
  promise.then(
    (value) => process.nextTick(() => (spread ? callback(null, ...value) : callback(null, value))),
    (error) => process.nextTick(() => callback(error)),
  );
  return undefined;
}

export function firstLine(path, cb) {
  return settleCallback(firstLineAsync(path), cb);
}

async function firstLineAsync(path) {
  const text = await fsp.readFile(path, 'utf8');
  return text.split('\n')[0];
}

(async () => {
  const line = await firstLine('input.txt');
  console.log('first line:', line);
})();

console.log('after firstLine call');
