// Checks: functions assigned to properties of the file's own object (`storage.size = function`,
// as nedb's storage.js writes them) are tried as callback APIs; `storage.size(…)` in a sibling
// is awaited, and an outside caller still passes a callback (dual API).
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

var storage = {};

storage.size = function (file, cb) {
  return settleCallback(sizeAsync(file), cb);
};

async function sizeAsync(file) {
  const stat = await fsp.stat(file);
  return stat.size;
}

storage.describe = function (file, cb) {
  return settleCallback(describeAsync(file), cb);
};

async function describeAsync(file) {
  const size = await storage.size(file);
  return file + ': ' + size;
}

module.exports = storage;

(async () => {
  let err = null;
  let text;
  try {
    text = await storage.describe('config.json');
  } catch (caught) {
    err = caught;
  }
  console.log(err ? err.code : text);
  (async () => {
    let err = null;
    try {
      await storage.describe('missing.json');
    } catch (caught) {
      err = caught;
    }
    console.log('missing:', err.code);
  })();
})();

console.log('started');
