// Checks: `try { cb(null, JSON.parse(text)) } catch (e) { cb(e) }`: the parse error still reaches
// the caller; a throw from the caller's callback would have come back as a second call, which
// the async function cannot make (reported).
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

function readJson(file, cb) {
  return settleCallback(readJsonAsync(file), cb);
}

async function readJsonAsync(file) {
  const text = await fsp.readFile(file, 'utf8');
  return JSON.parse(text);
}
module.exports = readJson;

(async () => {
  let err = null;
  let config;
  try {
    config = await readJson('config.json');
  } catch (caught) {
    err = caught;
  }
  console.log('config:', err, config.name);
  (async () => {
    let err = null;
    try {
      await readJson('input.txt');
    } catch (caught) {
      err = caught;
    }
    console.log('not json:', err.name);
    (async () => {
      let err = null;
      try {
        await readJson('missing.txt');
      } catch (caught) {
        err = caught;
      }
      console.log('missing:', err.code);
    })();
  })();
})();
