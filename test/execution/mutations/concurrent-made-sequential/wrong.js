// WRONG rewrite: the two operations are awaited one after the other, so the second only
// starts at ~60 ms, ends at ~120 ms, after the 90 ms checkpoint.
// awaitify-mutation: caught-by stdout merged
const { promisify } = require('util');

function slowDouble(n, cb) {
  setTimeout(() => cb(null, n * 2), 60);
}
const slowDoubleAsync = promisify(slowDouble);

(async () => {
  setTimeout(() => console.log('checkpoint at 90 ms'), 90);
  process.nextTick(() => console.log('nextTick'));
  Promise.resolve().then(() => console.log('promise job'));
  console.log('both started');
  const first = await slowDoubleAsync(1);
  const second = await slowDoubleAsync(2);
  console.log('both done:', [first, second].join(','));
})();
