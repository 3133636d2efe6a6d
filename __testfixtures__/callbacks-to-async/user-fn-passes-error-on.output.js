// Checks: `cb(er)` with the operation's own error parameter passes the outcome on as it is
// (null on success, the error on failure): `if (er) throw er; return;`, also from an arrow
// `(er) => cb(er)`.
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

function save(file, text, cb) {
  return settleCallback(saveAsync(file, text), cb, 0);
}

async function saveAsync(file, text) {
  await fsp.writeFile(file, text);
}

function saveTwice(file, text, cb) {
  return settleCallback(saveTwiceAsync(file, text), cb, 0);
}

async function saveTwiceAsync(file, text) {
  await fsp.writeFile(file, text);
  await fsp.appendFile(file, text);
}

module.exports = { save, saveTwice };

(async () => {
  let err = null;
  let value;
  try {
    value = await save('a.txt', 'x');
  } catch (caught) {
    err = caught;
  }
  console.log('saved:', err, value);
  (async () => {
    let err = null;
    try {
      await save('no-such-dir/a.txt', 'x');
    } catch (caught) {
      err = caught;
    }
    console.log('failed:', err.code);
    (async () => {
      let err = null;
      let value;
      try {
        value = await saveTwice('b.txt', 'y');
      } catch (caught) {
        err = caught;
      }
      console.log('twice:', err, value, fs.readFileSync('b.txt', 'utf8'));
      (async () => {
        let err = null;
        try {
          await saveTwice('no-such-dir/b.txt', 'y');
        } catch (caught) {
          err = caught;
        }
        console.log('twice failed:', err.code);
      })();
    })();
  })();
})();
