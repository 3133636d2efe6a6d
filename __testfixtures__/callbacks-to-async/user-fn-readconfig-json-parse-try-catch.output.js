// Checks: a callback API function with `if (err) return cb(err)` and a JSON.parse try/catch
// that reports parse errors through the callback becomes an async function; its callers in
// the file await it, on the success path and on the error path.
// awaitify-fixture: options {"strict": true}
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

function readConfig(path, cb) {
  return settleCallback(readConfigAsync(path), cb);
}

async function readConfigAsync(path) {
  const text = await fsp.readFile(path, 'utf8');
  let config;
  config = JSON.parse(text);
  return config;
}

readConfig('config.json', (err, config) => {
  if (err) throw err;
  console.log('config name:', config.name, 'port:', config.port);
  (async () => {
    try {
      await readConfig('input.txt');
    } catch (err) {
      console.log('input.txt is not JSON:', err.name);
      return;
    }
    console.log('not reached');
  })();
  process.nextTick(() => console.log('tick after the second read started'));
});
console.log('after readConfig call');
Promise.resolve().then(() => console.log('promise job after the call'));
