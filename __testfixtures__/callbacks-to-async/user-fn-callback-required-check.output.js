// Checks: `assert.equal(typeof cb, 'function', …)` and `if (typeof cb !== 'function') throw …`
// (rimraf's shape): with a callback they never fire, so they go; a call without one threw
// synchronously and now gets the promise (a public change, reported).
const fs = require('fs');
const assert = require('assert');
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

function remove(p, options, cb) {
  if (typeof options === 'function') {
    cb = options;
    options = {};
  }
  return settleCallback(removeAsync(p, options), cb);
}

async function removeAsync(p, options = {}) {
  assert(p, 'remove: missing path');
  try {
    await fsp.unlink(p);
  } catch (er) {
    if (options.force && er.code === 'ENOENT') return p;
    throw er;
  }
  return p;
}

function count(dir, cb) {
  return settleCallback(countAsync(dir), cb);
}

async function countAsync(dir) {
  const names = await fsp.readdir(dir);
  return names.length;
}

module.exports = { remove, count };

fs.writeFileSync('gone.txt', 'x');

(async () => {
  let err = null;
  let p;
  try {
    p = await remove('gone.txt');
  } catch (caught) {
    err = caught;
  }
  console.log('removed:', err, p);
  (async () => {
    let err = null;
    let p;
    try {
      p = await remove('gone.txt', { force: true });
    } catch (caught) {
      err = caught;
    }
    console.log('forced:', err, p);
    (async () => {
      let err = null;
      try {
        await remove('gone.txt');
      } catch (caught) {
        err = caught;
      }
      console.log('missing:', err.code);

      (async () => {
        let err = null;
        let n;
        try {
          n = await count('data');
        } catch (caught) {
          err = caught;
        }
        console.log('entries:', err, n);
      })();
    })();
  })();
})();
