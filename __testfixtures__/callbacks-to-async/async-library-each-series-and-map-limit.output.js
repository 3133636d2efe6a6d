// Checks: async.eachSeries becomes a for…of loop with awaits, and async.mapLimit a small local
// helper that runs at most `limit` items at a time, in order, and gives results by index.
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
  for (const file of ['data/a.txt', 'data/b.txt']) {
    const text = await fsp.readFile(file, 'utf8');
    console.log('each:', file, text.length);
  }

  console.log('eachSeries done');
  const sizes = await mapLimit(['data/a.txt', 'data/b.txt', 'data/c.txt'], 2, async (file) => {
    const stats = await fsp.stat(file);
    return stats.size;
  });
  console.log('mapLimit sizes:', sizes);
})();

console.log('after eachSeries call');
