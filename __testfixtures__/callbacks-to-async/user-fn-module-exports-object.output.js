// Checks: `module.exports = { read(p, cb) {…} }` methods are visible outside the file and keep
// the dual API; a caller here passes a callback and is called back once.
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

module.exports = {
  read(path, cb) {
    return settleCallback(readAsync(path), cb);
  },
};

async function readAsync(path) {
  const text = await fsp.readFile(path, 'utf8');
  return text.trim();
}

module.exports.read('other.txt', (err, text) => {
  if (err) throw err;
  console.log('other.txt:', JSON.stringify(text));
});
console.log('after read call');
