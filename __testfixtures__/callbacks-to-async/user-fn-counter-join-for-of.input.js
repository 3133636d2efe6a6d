// Checks: a for…of loop that starts one stat per path, joined by `left -= 1; if (left === 0)`,
// becomes Promise.all(Array.from(paths, async (path) => …)). Several errors would have called
// back once each; that difference is reported (timing/multiple-callback-calls).
const fs = require('fs');

function statAll(paths, done) {
  const sizes = {};
  let left = paths.length;
  for (const path of paths) {
    fs.stat(path, (err, stats) => {
      if (err) return done(err);
      sizes[path] = stats.size;
      left -= 1;
      if (left === 0) done(null, sizes);
    });
  }
}

statAll(['data/a.txt', 'data/b.txt', 'data/c.txt'], (err, sizes) => {
  if (err) throw err;
  console.log(Object.keys(sizes).sort().map((key) => `${key}=${sizes[key]}`).join(' '));
});
console.log('after statAll call');
