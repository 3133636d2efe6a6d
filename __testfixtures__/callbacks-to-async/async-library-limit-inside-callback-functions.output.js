// Checks: a callback function whose body uses async.eachLimit (which needs the local mapLimit
// helper) followed by another callback function: adding the helper must not move the
// statements under the conversion of the second function (each is converted exactly once).
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

async function sizes(files) {
  const out = {};
  await mapLimit(files, 2, async (file) => {
    const stats = await fsp.stat(file);
    out[file] = stats.size;
  });

  return Object.keys(out).sort().map((key) => out[key]);
}

async function firstLine(path) {
  const text = await fsp.readFile(path, 'utf8');
  return text.split('\n')[0];
}

(async () => {
  const list = await sizes(['data/a.txt', 'data/b.txt']);
  console.log('sizes:', list);
  const line = await firstLine('input.txt');
  console.log('first line:', line);
})();
