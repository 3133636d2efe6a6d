// Checks: async.waterfall whose tasks each hand one value on becomes a chain of awaits.
const fsp = require('fs/promises');

(async () => {
  const summary = await (async () => {
    const value1 = await fsp.readFile('config.json', 'utf8');
    return await (async (text) => {
      const stats = await fsp.stat('config.json');
      return { name: JSON.parse(text).name, bytes: stats.size };
    })(value1);
  })();

  console.log('waterfall:', summary.name, summary.bytes > 0);
})();

console.log('after waterfall call');
