// Original: the error handler only sees read errors. The success path throws, which is an
// uncaught exception: the process dies before the 0 ms timer fires.
// awaitify-fixture: expect-exit 1
const fs = require('fs');

fs.readFile('config.json', 'utf8', (err, text) => {
  if (err) {
    console.error('failed to read', err.code);
    return;
  }
  const config = JSON.parse(text);
  console.log('config name', config.name);
  setTimeout(() => console.log('timer after the read'), 0);
  if (!config.database) throw new Error('config has no database section');
  console.log('not reached');
});
process.nextTick(() => console.log('nextTick'));
Promise.resolve().then(() => console.log('promise job'));
console.log('after the call');
