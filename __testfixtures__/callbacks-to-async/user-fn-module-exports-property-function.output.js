// Checks: `module.exports.name = function (…, cb)` converts behind the dual API (callers in
// other files may pass a callback); this file's own call through module.exports keeps working.
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

module.exports.countWords = function (path, cb) {
  return settleCallback(countWordsAsync(path), cb);
};

async function countWordsAsync(path) {
  const text = await fsp.readFile(path, 'utf8');
  return text.split(/\s+/).filter(Boolean).length;
}

module.exports.countWords('input.txt', (err, words) => {
  if (err) throw err;
  console.log('words:', words);
});
console.log('after countWords call');
