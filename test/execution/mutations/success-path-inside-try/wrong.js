// WRONG rewrite: the success path sits inside the try, so its own throw is caught by the
// read-error handler: the process goes on, prints "failed to read undefined" and the timer.
const fsp = require('fs/promises');

(async () => {
  const textPromise = fsp.readFile('config.json', 'utf8');
  process.nextTick(() => console.log('nextTick'));
  Promise.resolve().then(() => console.log('promise job'));
  console.log('after the call');
  try {
    const text = await textPromise;
    const config = JSON.parse(text);
    console.log('config name', config.name);
    setTimeout(() => console.log('timer after the read'), 0);
    if (!config.database) throw new Error('config has no database section');
    console.log('not reached');
  } catch (err) {
    console.error('failed to read', err.code);
    return;
  }
})();
