// Checks: steps that call each other (mv's `mkdirs()` then `doRename()`), started from an
// if/else at the top of the API and followed only by their declarations, convert with it:
// each call is `return await step()`, the optional-argument shift stays in the dual wrapper.
const fs = require('fs');
const path = require('path');
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

function move(source, dest, options, cb) {
  if (typeof options === 'function') {
    cb = options;
    options = {};
  }
  return settleCallback(moveAsync(source, dest, options), cb);
}

async function moveAsync(source, dest, options = {}) {
  var shouldMkdirp = !!options.mkdirp;

  if (shouldMkdirp) {
    return await mkdirs();
  } else {
    return await doRename();
  }

  async function mkdirs() {
    await fsp.mkdir(path.dirname(dest), { recursive: true });
    return await doRename();
  }

  // rename, then report where the file went
  async function doRename() {
    await fsp.rename(source, dest);
    return dest;
  }
}

module.exports = move;

setTimeout(() => console.log('timer'), 0);
setImmediate(() => console.log('immediate'));
process.nextTick(() => console.log('tick'));
Promise.resolve().then(() => console.log('promise job'));
fs.writeFileSync('a.txt', 'a');

(async () => {
  let err = null;
  let where;

  try {
    where = await move('a.txt', 'moved/deeper/a.txt', { mkdirp: true });
  } catch (caught) {
    err = caught;
  }

  console.log('moved:', err, where, fs.existsSync('a.txt'));

  (async () => {
    let err = null;
    let where;

    try {
      where = await move('moved/deeper/a.txt', 'b.txt');
    } catch (caught) {
      err = caught;
    }

    console.log('back:', err, where, fs.readFileSync('b.txt', 'utf8'));

    (async () => {
      let err = null;

      try {
        await move('missing.txt', 'nowhere/c.txt');
      } catch (caught) {
        err = caught;
      }

      console.log('missing:', err.code);
    })();
  })();
})();

console.log('started');
