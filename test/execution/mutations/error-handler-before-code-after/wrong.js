// WRONG rewrite: the read became synchronous, so the error handler prints before the code
// after the call. stdout and stderr each read the same; only their relative order differs.
// awaitify-mutation: caught-by merged
const fs = require('fs');

try {
  const text = fs.readFileSync('missing.txt', 'utf8');
  console.log('not reached:', text.length);
} catch (err) {
  console.error('failed', err.code);
}
console.log('after readFile call');
process.nextTick(() => console.log('nextTick after the call'));
