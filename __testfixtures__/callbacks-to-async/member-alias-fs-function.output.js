// Checks: a member of the file's own object set once to an fs function (nedb's storage.js,
// `storage.writeFile = fs.writeFile`) is judged as that function: it calls back once, later,
// so the calls convert with nothing to flag, promisified at the call (the member is read when
// the call runs, as before). fs.exists resolves its boolean and never rejects.
const fs = require('fs');
const { promisify } = require('util');

// awaitify: the dual API of converted functions (callback when given, else the promise).
function settleCallback(promise, callback, values = 1) {
  if (typeof callback !== 'function') return promise;
  promise.then(
    (value) => process.nextTick(() => (values === 1 ? callback(null, value) : values === 0 ? callback(null) : callback(null, ...value))),
    (error) => process.nextTick(() => callback(error)),
  );
  return undefined;
}
const storage = {};

storage.exists = fs.exists;
storage.readFile = fs.readFile;
storage.writeFile = fs.writeFile;

storage.copyIfPresent = function (from, to, callback) {
  return settleCallback(copyIfPresentAsync(from, to), callback);
};

async function copyIfPresentAsync(from, to) {
  const exists = await promisify(storage.exists)(from);
  if (!exists) { return false; }

  const text = await promisify(storage.readFile)(from, 'utf8');
  await promisify(storage.writeFile)(to, text.toUpperCase());
  return true;
}

(async () => {
  let err = null;
  let copied;

  try {
    copied = await storage.copyIfPresent('input.txt', 'copy.txt');
  } catch (caught) {
    err = caught;
  }

  console.log('copied', err, copied, fs.readFileSync('copy.txt', 'utf8').length);
})();

(async () => {
  let err = null;
  let copied;

  try {
    copied = await storage.copyIfPresent('missing.txt', 'none.txt');
  } catch (caught) {
    err = caught;
  }

  console.log('missing', err, copied);
})();

(async () => {
  let err = null;
  let copied;

  try {
    copied = await storage.copyIfPresent('input.txt', 'no-such-dir/copy.txt');
  } catch (caught) {
    err = caught;
  }

  console.log('failed', err.code, copied);
})();

console.log('started');
