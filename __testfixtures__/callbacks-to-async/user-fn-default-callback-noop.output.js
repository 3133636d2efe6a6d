// Checks: `cb = cb || noop` and `cb = cb || function () {}`: the async function always has its
// promise, so the default goes; a call made without a callback now gets a promise (reported
// on the function and on that call, since an error would now reject unhandled).
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

function noop() {}

function saveLog(file, text, cb) {
  return settleCallback(saveLogAsync(file, text), cb);
}

async function saveLogAsync(file, text) {
  await fsp.appendFile(file, text + '\n');
  return text.length;
}

function readLog(file, cb) {
  return settleCallback(readLogAsync(file), cb);
}

async function readLogAsync(file) {
  const text = await fsp.readFile(file, 'utf8');
  return text.split('\n').length;
}

module.exports = { saveLog, readLog };

readLog('input.txt');

(async () => {
  let err = null;
  let length;
  try {
    length = await saveLog('out.log', 'second');
  } catch (caught) {
    err = caught;
  }
  console.log('saved:', err, length);

  (async () => {
    let err = null;
    let lines;
    try {
      lines = await readLog('out.log');
    } catch (caught) {
      err = caught;
    }
    console.log('lines:', err, lines);
  })();
})();
