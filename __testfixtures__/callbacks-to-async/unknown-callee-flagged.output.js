// awaitify: a promise of what an error-first callback receives (rejects on any truthy error).
function fromCallback(start) {
  return new Promise((resolve, reject) => {
    start((err, ...values) => (err ? reject(err) : resolve(values)));
  });
}
// Checks: a function awaitify knows nothing of (a method of an object a factory made) takes an
// error-first callback. By default the call converts through a local wrapper and is flagged
// (timing/unknown-callee: assumed to call back once, asynchronously); this one does, so the
// program prints the same. With --strict it is refused (no-transform-unknown-callee).
function makeCache() {
  return {
    get(key, cb) {
      setImmediate(() => cb(null, key.toUpperCase()));
    },
  };
}
const cache = makeCache();

(async () => {
  const [value] = await fromCallback((done) => cache.get('name', done));
  console.log('value:', value);
})();

console.log('after get call');
