// Checks: async.series and async.parallel with inline task functions become native code:
// series awaits the tasks one after another into an array, parallel starts them together and
// joins them with Promise.all; the final callback becomes the await's continuation.
const fsp = require('fs/promises');

(async () => {
  const results = [await fsp.readFile('input.txt', 'utf8'), await (async () => {
    const stats = await fsp.stat('other.txt');
    return stats.size;
  })()];
  console.log('series:', results[0].length, results[1]);
  const parallelPromise = Promise.all([fsp.readFile('data/a.txt', 'utf8'), fsp.readFile('missing.txt', 'utf8')]);
  console.log('parallel started');
  try {
    await parallelPromise;
  } catch (err) {
    console.log('parallel failed:', err.code);
    return;
  }
  console.log('not reached');
})();

console.log('after series call');
