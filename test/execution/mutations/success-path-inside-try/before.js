// Original: the error handler only sees read errors and reports them on a later timer. The
// success path throws, an uncaught exception that the process handler reports at once, before
// the 0 ms timer the success path started.
const fs = require('fs');

process.on('uncaughtException', (error) => console.log('reported:', error.message));
fs.readFile('config.json', 'utf8', (err, text) => {
  if (err) {
    setTimeout(() => console.log('reported:', err.message), 0);
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
