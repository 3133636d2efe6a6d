// Checks: an exported callback function gets the dual API; a caller's callback that throws is
// an uncaught exception exactly as before (not an unhandled rejection, not a second call).
// awaitify-fixture: expect-exit 1
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

function loadName(path, cb) {
  return settleCallback(loadNameAsync(path), cb);
}

async function loadNameAsync(path) {
  const text = await fsp.readFile(path, 'utf8');
  return JSON.parse(text).name;
}

module.exports = { loadName };

let calls = 0;
process.on('exit', () => console.log('callback calls:', calls));
module.exports.loadName('config.json', (err, name) => {
  calls += 1;
  console.log('name:', name);
  throw new Error('the caller callback failed');
});
console.log('after loadName call');
