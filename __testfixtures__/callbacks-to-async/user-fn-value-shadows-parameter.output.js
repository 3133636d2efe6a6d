// Checks: a callback whose value shadows a parameter that the call itself reads (fs-extra's
// `symlinkType(p, type, function (err, type) {…})` in `createSymlink(src, dst, type, cb)`)
// converts: `const type = await kindOf(p, type)` would read the new binding before it exists,
// so the parameter is set instead (`type = await kindOf(p, type)`); nothing reads the
// parameter after the operation started, so that is the same program. The optional-argument
// shift (a ternary pair) stays in the dual wrapper.
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

async function kindOf(file, type) {
  const stat = await fsp.stat(file);
  return type || (stat.isFile() ? 'file' : 'dir');
}

function describe(file, type, cb) {
  cb = typeof type === 'function' ? type : cb;
  type = typeof type === 'function' ? undefined : type;
  return settleCallback(describeAsync(file, type), cb);
}

async function describeAsync(file, type) {
  console.log('asked for', file, type);
  type = await kindOf(file, type);
  const label = `${file} is a ${type}`;
  return label;
}
module.exports = describe;

(async () => {
  let err = null;
  let label;
  try {
    label = await describe('input.txt');
  } catch (caught) {
    err = caught;
  }
  console.log('no type:', err, label);
  (async () => {
    let err = null;
    let label;
    try {
      label = await describe('data', 'folder');
    } catch (caught) {
      err = caught;
    }
    console.log('given type:', err, label);
    (async () => {
      let err = null;
      try {
        await describe('missing.txt');
      } catch (caught) {
        err = caught;
      }
      console.log('missing:', err.code);
    })();
  })();
})();

Promise.resolve().then(() => console.log('promise job'));
console.log('started');
