// Checks: `if (cb) return cb(err)`, `cb && cb(null, v)` and `typeof cb === 'function' && cb(…)`
// read as the calls they guard: as an async function the "callback" (the promise) is always there.
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

function sizeOf(file, cb) {
  return settleCallback(sizeOfAsync(file), cb);
}

async function sizeOfAsync(file) {
  let stats;
  try {
    stats = await fsp.stat(file);
  } catch (err) {
    throw err;
  }

  return stats.size;
}

function firstLine(file, cb) {
  return settleCallback(firstLineAsync(file), cb);
}

async function firstLineAsync(file) {
  const text = await fsp.readFile(file, 'utf8');
  return text.split('\n')[0];
}

module.exports = { sizeOf, firstLine };

(async () => {
  let err = null;
  let size;
  try {
    size = await sizeOf('input.txt');
  } catch (caught) {
    err = caught;
  }
  console.log('size:', err, size);
  (async () => {
    let err = null;
    try {
      await sizeOf('missing.txt');
    } catch (caught) {
      err = caught;
    }
    console.log('size error:', err.code);

    (async () => {
      let err = null;
      let line;
      try {
        line = await firstLine('input.txt');
      } catch (caught) {
        err = caught;
      }
      console.log('first line:', err, line);
      (async () => {
        let err = null;
        try {
          await firstLine('missing.txt');
        } catch (caught) {
          err = caught;
        }
        console.log('line error:', err.code);
      })();
    })();
  })();
})();
