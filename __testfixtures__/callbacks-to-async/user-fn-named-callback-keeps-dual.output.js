// Checks: a converted function that is still called with a named callback keeps a callback
// form (the dual API): the named callback is called once, with (err) or (null, value).
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

function countLines(path, cb) {
  return settleCallback(countLinesAsync(path), cb);
}

async function countLinesAsync(path) {
  const text = await fsp.readFile(path, 'utf8');
  return text.split('\n').filter(Boolean).length;
}

function report(err, count) {
  if (err) {
    console.log('count failed:', err.code);
    return;
  }
  console.log('lines:', count);
}

countLines('input.txt', report);
countLines('missing.txt', report);
console.log('after countLines calls');
