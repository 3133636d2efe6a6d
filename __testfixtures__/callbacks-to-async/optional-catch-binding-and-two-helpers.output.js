// Checks: code with an optional catch binding (`catch {}`) converts (ast-types' scopes cannot
// read such a clause; the engine stands in a name while transforms run), and a file that
// gets both local helpers (the dual API and fromCallback) prints each on lines of its own and
// reuses them on a second run.
// awaitify-fixture: options {"allow": ["timing/unknown-callee"]}
const fsp = require('fs/promises');

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

const store = {
  gets: 0,
  get(key, cb) {
    setImmediate(() => cb(null, key.length));
    this.gets++;
  },
};

function size(path, cb) {
  return settleCallback(sizeAsync(path), cb);
}

async function sizeAsync(path) {
  const stats = await fsp.stat(path);
  return stats.size;
}

module.exports = { size };

try {
  JSON.parse('not json');
} catch {
  (async () => {
    const [length] = await fromCallback((done) => store.get('key', done));
    console.log('length from the store:', length);
    const bytes = await size('input.txt');
    console.log('size:', bytes);
  })();
}
console.log('after the try');
