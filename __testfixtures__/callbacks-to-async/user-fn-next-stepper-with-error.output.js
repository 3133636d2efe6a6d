// Checks: a `next(err)` stepper, called as `next(x)` and handed on as an operation's callback
// (`fs.appendFile(…, next)`), is a loop whose parameter is set before each step; the
// appends stay one after another.
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

function appendAll(file, lines, cb) {
  return settleCallback(appendAllAsync(file, lines), cb);
}

async function appendAllAsync(file, lines) {
  let i = 0;
  let er;
  while (true) {
    if (er) throw er;
    if (i >= lines.length) return i;
    console.log('appending', lines[i]);
    let erValue = null;
    try {
      await fsp.appendFile(file, lines[i++] + '\n');
    } catch (caught) {
      erValue = caught;
    }
    er = erValue;
  }
}

module.exports = appendAll;

(async () => {
  let err = null;
  let count;
  try {
    count = await appendAll('out.txt', ['one', 'two', 'three']);
  } catch (caught) {
    err = caught;
  }
  console.log('appended:', err, count, JSON.stringify(fs.readFileSync('out.txt', 'utf8')));
  (async () => {
    let err = null;
    try {
      await appendAll('no-such-dir/out.txt', ['four']);
    } catch (caught) {
      err = caught;
    }
    console.log('failed:', err.code);
  })();
})();
