// Checks: a waterfall task that calls its callback synchronously converts by default, flagged
// (timing/sync-callback-now-async). With --strict it is refused
// (no-transform-async-library-sync-task).
const fsp = require('fs/promises');

(async () => {
  const name = await (async () => {
    const value1 = await fsp.readFile('config.json', 'utf8');
    return await (async (text) => {
      return JSON.parse(text).name;
    })(value1);
  })();

  console.log('name:', name);
})();
