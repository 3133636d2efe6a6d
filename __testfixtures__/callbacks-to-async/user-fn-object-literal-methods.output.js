// Checks: methods of a module-level object literal that take a callback convert; calls
// through the object (`files.size(…)`) with an inline callback are awaited.
const fsp = require('fs/promises');

// awaitify: the dual API of converted functions (callback when given, else the promise).
function settleCallback(promise, callback, values = 1) {
  if (typeof callback !== 'function') return promise;
  promise.then(
    (value) => process.nextTick(() => (values === 1 ? callback(null, value) : values === 0 ? callback(null) : callback(null, ...value))),
    (error) => process.nextTick(() => callback(error)),
  );
  return undefined;
}

const files = {
  size(path, cb) {
    return settleCallback(sizeAsync(path), cb);
  },
  lines: function (path, cb) {
    return settleCallback(linesAsync(path), cb);
  },
};

async function sizeAsync(path) {
  const stats = await fsp.stat(path);
  return stats.size;
}

async function linesAsync(path) {
  const text = await fsp.readFile(path, 'utf8');
  return text.split('\n').filter(Boolean).length;
}

(async () => {
  const size = await files.size('input.txt');
  console.log('size:', size);
  const linesPromise = files.lines('input.txt');
  console.log('counting lines');
  const lines = await linesPromise;
  console.log('lines:', lines);
})();

console.log('after size call');
