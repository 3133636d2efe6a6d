// Checks: a member set to an fs function but set again elsewhere in the file (here, by a
// switch to a logging wrapper) may hold anything when called: it is no known function, so the
// call converts only as an unknown callee (flagged), through fromCallback, which calls the
// member as it is then.
const fs = require('fs');
// awaitify: a promise of what an error-first callback receives (rejects on any truthy error).
function fromCallback(start) {
  return new Promise((resolve, reject) => {
    start((err, ...values) => (err ? reject(err) : resolve(values)));
  });
}
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

storage.readFile = fs.readFile;

storage.verbose = function () {
  storage.readFile = function (file, encoding, cb) {
    console.log('reading', file);
    fs.readFile(file, encoding, cb);
  };
};

storage.lineCount = function (file, callback) {
  return settleCallback(lineCountAsync(file), callback);
};

async function lineCountAsync(file) {
  const [text] = await fromCallback((done) => storage.readFile(file, 'utf8', done));
  return text.split('\n').length;
}

(async () => {
  let err = null;
  let count;
  try {
    count = await storage.lineCount('input.txt');
  } catch (caught) {
    err = caught;
  }
  console.log('quiet', err, count);
  storage.verbose();
  (async () => {
    let err = null;
    let count;
    try {
      count = await storage.lineCount('missing.txt');
    } catch (caught) {
      err = caught;
    }
    console.log('verbose', err.code, count);
  })();
})();
