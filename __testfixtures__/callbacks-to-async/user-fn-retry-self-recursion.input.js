// Checks: a retry that calls the function itself with one attempt fewer, handing its callback
// on, converts by induction: the recursive call is awaited and its result returned.
const fs = require('fs');

function readWithRetry(path, attempts, cb) {
  fs.readFile(path, 'utf8', (err, text) => {
    if (err && attempts > 1) {
      console.log('retrying', path, 'attempts left:', attempts - 1);
      return readWithRetry(path, attempts - 1, cb);
    }
    if (err) return cb(err);
    cb(null, text);
  });
}

readWithRetry('missing.txt', 3, (err) => {
  console.log('gave up:', err.code);
  readWithRetry('other.txt', 2, (err, text) => {
    if (err) throw err;
    console.log('read other.txt first time:', text.length, 'chars');
  });
});
console.log('after readWithRetry call');
