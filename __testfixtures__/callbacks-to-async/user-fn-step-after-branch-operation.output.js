// Checks: a local step function declared after an `if` whose branch runs an operation and calls
// the step in its callback, the other branch calling it directly (mv's moveDirAcrossDevice):
// the function declaration after the `if` runs nothing, so the branch still ends the function
// and the operation's await goes in place, with `return await step()` after it.
const fs = require('fs');
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

function replaceCopy(source, dest, clean, cb) {
  return settleCallback(replaceCopyAsync(source, dest, clean), cb);
}

async function replaceCopyAsync(source, dest, clean) {
  if (clean) {
    await fsp.rm(dest, { force: true });
    return await copy();
  } else {
    return await copy();
  }
  async function copy() {
    await fsp.copyFile(source, dest);
    return fs.readFileSync(dest, 'utf8').length;
  }
}

module.exports = { replaceCopy };

(async () => {
  let err = null;
  let n;
  try {
    n = await replaceCopy('input.txt', 'copy.txt', true);
  } catch (caught) {
    err = caught;
  }
  console.log('clean copy:', err, n);
  (async () => {
    let err = null;
    let n;
    try {
      n = await replaceCopy('input.txt', 'copy.txt', false);
    } catch (caught) {
      err = caught;
    }
    console.log('copy over:', err, n);
    (async () => {
      let err = null;
      try {
        await replaceCopy('nope.txt', 'copy2.txt', true);
      } catch (caught) {
        err = caught;
      }
      console.log('no source:', err.code);
      (async () => {
        let err = null;
        try {
          await replaceCopy('input.txt', 'nope/copy.txt', false);
        } catch (caught) {
          err = caught;
        }
        console.log('no dir:', err.code);
      })();
    })();
  })();
})();

console.log('started');
