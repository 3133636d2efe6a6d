// Checks: async.each (Promise.all over the items), async.mapSeries (a for…of loop that
// collects results in order) and async.until with a test that answers at once become native
// code.
const fsp = require('fs/promises');

const seen = {};

(async () => {
  await Promise.all(Array.from(['data/a.txt', 'data/b.txt'], async (file) => {
    const stats = await fsp.stat(file);
    seen[file] = stats.size;
  }));

  console.log('each:', Object.keys(seen).sort().map((key) => seen[key]));
  const texts = await (async () => {
    const results = [];
    for (const item of ['data/c.txt', 'data/a.txt']) {
      results.push(await (async (file) => {
        const text = await fsp.readFile(file, 'utf8');
        console.log('mapSeries read', file);
        return text.trim();
      })(item));
    }
    return results;
  })();

  console.log('mapSeries texts:', texts);
  let tries = 0;
  while (!(tries >= 2)) {
    tries += 1;
    await fsp.access('input.txt');
    console.log('until try', tries);
  }

  console.log('until done after', tries, 'tries');
})();

console.log('after each call');
