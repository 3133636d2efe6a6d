// Checks (refusal): a for…of loop that starts one stat per path, joined by a counter, where
// each failing stat calls back with its error. With two missing paths the original calls back
// twice; Promise.all over the list would settle once and lose the second call, so the function
// is refused (timing/multiple-callback-calls), not converted and flagged.
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

statAll(['data/missing-a.txt', 'data/a.txt', 'data/missing-b.txt'], (err, sizes) => {
  if (err) {
    console.log('failed:', err.code);
    return;
  }
  console.log(Object.keys(sizes).sort().map((key) => `${key}=${sizes[key]}`).join(' '));
});
console.log('after statAll call');
