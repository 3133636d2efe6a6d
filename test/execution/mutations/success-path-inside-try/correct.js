// Correct rewrite: only the await is inside the try; the success path's throw rejects the
// async function, an unhandled rejection that reaches the process handler as an uncaught
// exception, before the timer, like the original throw.
const fsp = require('fs/promises');

process.on('uncaughtException', (error) => console.log('reported:', error.message));
(async () => {
  const textPromise = fsp.readFile('config.json', 'utf8');
  process.nextTick(() => console.log('nextTick'));
  Promise.resolve().then(() => console.log('promise job'));
  console.log('after the call');
  let text;
  try {
    text = await textPromise;
  } catch (err) {
    setTimeout(() => console.log('reported:', err.message), 0);
    return;
  }
  const config = JSON.parse(text);
  console.log('config name', config.name);
  setTimeout(() => console.log('timer after the read'), 0);
  if (!config.database) throw new Error('config has no database section');
  console.log('not reached');
})();
