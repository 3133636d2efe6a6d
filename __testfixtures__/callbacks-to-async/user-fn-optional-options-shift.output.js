// Checks: the optional-argument shift `if (typeof options === 'function') { cb = options; options = {} }`
// converts: the async function defaults `options` to `{}`, and a caller that still passes its
// callback in the options' place goes through the dual wrapper, which replays the shift first
// and keeps the original parameters (the default is the async function's only).
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

function readTrimmed(file, options, cb) {
  if (typeof options === 'function') {
    cb = options;
    options = {};
  }
  return settleCallback(readTrimmedAsync(file, options), cb);
}

async function readTrimmedAsync(file, options = {}) {
  const text = await fsp.readFile(file, options.encoding || 'utf8');
  return options.upper ? text.trim().toUpperCase() : text.trim();
}

module.exports = readTrimmed;

module.exports('input.txt', (err, text) => {
  console.log('two arguments:', err, JSON.stringify(text));
  module.exports('other.txt', { upper: true }, (err, text) => {
    console.log('three arguments:', err, text);
    module.exports('missing.txt', (err) => console.log('missing:', err.code));
  });
});
// The dual wrapper keeps the parameter list as written: fn.length stays 3.
console.log('started, length', module.exports.length);
