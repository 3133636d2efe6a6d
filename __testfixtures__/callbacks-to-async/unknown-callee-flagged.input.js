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

cache.get('name', (err, value) => {
  if (err) throw err;
  console.log('value:', value);
});
console.log('after get call');
