// Checks: a `next(er)` stepper whose operation callbacks name their own error `er` too: the
// stepper's parameter becomes a `let` of another name, so `next(er)` inside a callback still
// hands on the callback's own error.
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

function sizes(files, cb) {
  return settleCallback(sizesAsync(files), cb);
}

async function sizesAsync(files) {
  let i = 0;
  let total = 0;
  let failure;
  while (true) {
    if (failure) throw failure;
    if (i >= files.length) return total;
    let er = null;
    let stats;
    try {
      stats = await fsp.stat(files[i++]);
    } catch (caught) {
      er = caught;
    }
    if (er) {
      failure = er;
      continue;
    }
    total += stats.size;
    failure = undefined;
  }
}
module.exports = sizes;

(async () => {
  let err = null;
  let total;
  try {
    total = await sizes(['input.txt', 'other.txt']);
  } catch (caught) {
    err = caught;
  }
  console.log('total:', err, total);
  (async () => {
    let err = null;
    try {
      await sizes(['input.txt', 'missing.txt', 'other.txt']);
    } catch (caught) {
      err = caught;
    }
    console.log('failed:', err.code);
  })();
})();
