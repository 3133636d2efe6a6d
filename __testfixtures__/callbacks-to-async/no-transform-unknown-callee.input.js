// Checks (refusal): a function awaitify knows nothing of takes an error-first callback; it
// cannot prove the callback runs asynchronously and once, so the call is left and reported
// (timing/unknown-callee).
const cache = {
  get(key, cb) {
    setImmediate(() => cb(null, key.toUpperCase()));
  },
};

cache.get('name', (err, value) => {
  if (err) throw err;
  console.log('value:', value);
});
console.log('after get call');
