// Checks: a for…of loop that starts one stat per path, joined by `left -= 1; if (left === 0)`,
// becomes Promise.all(Array.from(paths, async (path) => …)). Several errors would have called
// back once each; that difference is reported (timing/multiple-callback-calls).
const fsp = require('fs/promises');

async function statAll(paths) {
  const sizes = {};

  const joined = Promise.all(Array.from(paths, async (path) => {
    const stats = await fsp.stat(path);
    sizes[path] = stats.size;
  }));

  await joined;
  return sizes;
}

(async () => {
  const sizes = await statAll(['data/a.txt', 'data/b.txt', 'data/c.txt']);
  console.log(Object.keys(sizes).sort().map((key) => `${key}=${sizes[key]}`).join(' '));
})();
console.log('after statAll call');
