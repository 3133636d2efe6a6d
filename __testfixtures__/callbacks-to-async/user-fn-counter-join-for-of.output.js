// Checks: a for…of loop that starts one stat per path, joined by `left -= 1; if (left === 0)`,
// becomes Promise.all(Array.from(paths, async (path) => …)). An `errored` flag makes the join
// call back at most once, so Promise.all (which settles with the first error) is exact; without
// it several errors call back once each and the join is refused
// (no-transform-counter-join-over-list-items-can-fail).
const fsp = require('fs/promises');

async function statAll(paths) {
  const sizes = {};
  let errored = false;

  const joined = Promise.all(Array.from(paths, async (path) => {
    let err = null;
    let stats;
    try {
      stats = await fsp.stat(path);
    } catch (caught) {
      err = caught;
    }
    if (errored) return;
    if (err) {
      errored = true;
      throw err;
    }
    sizes[path] = stats.size;
  }));
  await joined;
  return sizes;
}

(async () => {
  const sizes = await statAll(['data/a.txt', 'data/b.txt', 'data/c.txt']);
  console.log(Object.keys(sizes).sort().map((key) => `${key}=${sizes[key]}`).join(' '));
  let err = null;
  try {
    await statAll(['data/missing-a.txt', 'data/a.txt', 'data/missing-b.txt']);
  } catch (caught) {
    err = caught;
  }
  console.log('failed once:', err.code);
})();
console.log('after statAll call');
