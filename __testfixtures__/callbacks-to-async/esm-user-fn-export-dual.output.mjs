// Checks: an exported ES module function keeps the dual API; its in-file caller awaits it.
import * as fsp from 'node:fs/promises';

// awaitify: the dual API of converted functions (callback when given, else the promise).
function settleCallback(promise, callback, values = 1) {
  if (typeof callback !== 'function') return promise;
  promise.then(
    (value) => process.nextTick(() => (values === 1 ? callback(null, value) : values === 0 ? callback(null) : callback(null, ...value))),
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
