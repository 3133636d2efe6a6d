// Correct rewrite: both operations start at once and are joined by Promise.all.
const { promisify } = require('util');

function slowDouble(n, cb) {
  setTimeout(() => cb(null, n * 2), 60);
}
const slowDoubleAsync = promisify(slowDouble);

(async () => {
  const both = Promise.all([slowDoubleAsync(1), slowDoubleAsync(2)]);
  setTimeout(() => console.log('checkpoint at 90 ms'), 90);
  process.nextTick(() => console.log('nextTick'));
  Promise.resolve().then(() => console.log('promise job'));
  console.log('both started');
  const results = await both;
  console.log('both done:', results.join(','));
})();
