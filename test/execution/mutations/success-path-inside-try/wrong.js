// WRONG rewrite: the success path sits inside the try, so its own throw is caught by the
// read-error handler, which reports it on a timer, after "timer after the read".
// awaitify-mutation: caught-by stdout merged
const fsp = require('fs/promises');

process.on('uncaughtException', (error) => console.log('reported:', error.message));
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
    setTimeout(() => console.log('reported:', err.message), 0);
    return;
  }
})();
