// Checks: a named callback declared next to its only use (`fs.readFile(p, onRead); function
// onRead(err, text) {…}`) is the same function written inline, so the function converts; one
// named twice (here also called directly) is left as it is.
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

function readName(file, cb) {
  return settleCallback(readNameAsync(file), cb);
}

async function readNameAsync(file) {
  // the file holds the name on its first line
  const textPromise = fsp.readFile(file, 'utf8');
  console.log('reading', file);

  const text = await textPromise;
  return text.split('\n')[0];
}

function readTwice(file, cb) {
  fs.readFile(file, 'utf8', onRead);
  function onRead(err, text) {
    if (err) return onRead(null, '');
    cb(null, text.length);
  }
}
module.exports = { readName, readTwice };

(async () => {
  let err = null;
  let name;
  try {
    name = await readName('input.txt');
  } catch (caught) {
    err = caught;
  }
  console.log('name:', err, name);
  (async () => {
    let err = null;
    try {
      await readName('missing.txt');
    } catch (caught) {
      err = caught;
    }
    console.log('missing:', err.code);
    readTwice('missing.txt', (err, n) => console.log('twice:', err, n));
  })();
})();
