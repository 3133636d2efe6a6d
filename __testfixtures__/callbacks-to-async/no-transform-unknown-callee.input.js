// Checks (refusal): a function awaitify knows nothing of takes an error-first callback; it
// cannot prove the callback runs asynchronously and once, so the call is left and reported
// (timing/unknown-callee).
// awaitify-fixture: options {"strict": true}
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
