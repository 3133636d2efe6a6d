// Checks: async.map (Promise.all over the items), async.eachLimit (the local limit helper)
// and async.whilst whose test answers at once (`(cb) => cb(null, round < 3)`, async v3) become
// native code: Promise.all, a limit helper, a while loop.
const fsp = require('fs/promises');

// awaitify: at most `limit` of fn(item) at a time, started in order; stops starting more after an error.
async function mapLimit(items, limit, fn) {
  const list = Array.from(items);
  const results = new Array(list.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < list.length) {
      const index = next++;
      try {
        results[index] = await fn(list[index]);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, list.length) }, worker));
  return results;
}

(async () => {
  const sizes = await Promise.all(Array.from(['data/a.txt', 'data/b.txt'], async (file) => {
    const stats = await fsp.stat(file);
    return stats.size;
  }));
  console.log('map sizes:', sizes);
  const lengths = {};
  await mapLimit(['data/a.txt', 'data/b.txt', 'data/c.txt'], 2, async (file) => {
    const text = await fsp.readFile(file, 'utf8');
    lengths[file] = text.length;
  });

  console.log('eachLimit lengths:', Object.keys(lengths).sort().map((key) => lengths[key]));
  let round = 0;
  while (round < 3) {
    round += 1;
    await fsp.access('input.txt');
    console.log('whilst round', round);
  }

  console.log('whilst done after', round, 'rounds');
})();

console.log('after map call');
