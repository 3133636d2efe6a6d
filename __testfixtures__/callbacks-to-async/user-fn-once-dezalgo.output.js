// Checks: `cb = once(cb)` (proven called once, so once changes nothing) and `cb = dezalgo(cb)`
// (its synchronous cache hit was deferred already, as the promise defers it: no Zalgo finding).
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

function loadOnce(file, cb) {
  return settleCallback(loadOnceAsync(file), cb);
}

async function loadOnceAsync(file) {
  const text = await fsp.readFile(file, 'utf8');
  return text.length;
}

const cache = {};
function cachedRead(file, cb) {
  return settleCallback(cachedReadAsync(file), cb);
}

async function cachedReadAsync(file) {
  if (cache[file]) return cache[file];
  const text = await fsp.readFile(file, 'utf8');
  cache[file] = text.trim();
  return cache[file];
}
module.exports = { loadOnce, cachedRead };

(async () => {
  let err = null;
  let length;
  try {
    length = await loadOnce('other.txt');
  } catch (caught) {
    err = caught;
  }
  console.log('length:', err, length);

  (async () => {
    let err = null;
    let text;
    try {
      text = await cachedRead('other.txt');
    } catch (caught) {
      err = caught;
    }
    console.log('read:', err, text);

    (async () => {
      let err = null;
      let text;
      try {
        text = await cachedRead('other.txt');
      } catch (caught) {
        err = caught;
      }
      console.log('cached:', err, text);
    })();
    console.log('after the cached call');
  })();
})();
