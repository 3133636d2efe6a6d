// Checks: a for…of loop that starts one stat per path, joined by `left -= 1; if (left === 0)`,
// becomes Promise.all(Array.from(paths, async (path) => …)). An `errored` flag makes the join
// call back at most once, so Promise.all (which settles with the first error) is exact; without
// it several errors call back once each and the join is refused
// (no-transform-counter-join-over-list-items-can-fail).
const fs = require('fs');

function statAll(paths, done) {
  const sizes = {};
  let left = paths.length;
  let errored = false;
  for (const path of paths) {
    fs.stat(path, (err, stats) => {
      if (errored) return;
      if (err) {
        errored = true;
        return done(err);
      }
      sizes[path] = stats.size;
      left -= 1;
      if (left === 0) done(null, sizes);
    });
  }
}

statAll(['data/a.txt', 'data/b.txt', 'data/c.txt'], (err, sizes) => {
  if (err) throw err;
  console.log(Object.keys(sizes).sort().map((key) => `${key}=${sizes[key]}`).join(' '));
  statAll(['data/missing-a.txt', 'data/a.txt', 'data/missing-b.txt'], (err) => {
    console.log('failed once:', err.code);
  });
});
console.log('after statAll call');
