// Checks: a for…in loop over an object of paths, counted by Object.keys(…).length, joined by
// a counter whose error exits set the flag inline (`cb(errState = err)`): the loop stays a
// loop and each pass pushes its item's promise; `key` is a shared `var`, read by each item
// right away (`const name = key`) exactly as the callback-era code read it.
const fsp = require('fs/promises');

async function sizesOf(paths) {
  var sizes = {};
  var errState = null;
  const started = [];
  for (var key in paths) {
    started.push((async () => {
      const name = key;
      let err = null;
      let stats;
      try {
        stats = await fsp.stat(paths[name]);
      } catch (caught) {
        err = caught;
      }
      if (errState) return;
      if (err) throw errState = err;
      sizes[name] = stats.size;
    })());
  }
  const joined = Promise.all(started);
  await joined;
  return sizes;
}

(async () => {
  const sizes = await sizesOf({ a: 'input.txt', b: 'data/a.txt' });
  console.log('sizes:', Object.keys(sizes).sort().map(function (k) { return k + '=' + sizes[k]; }).join(' '));
  let err = null;
  try {
    await sizesOf({ a: 'missing.txt', b: 'nope.txt' });
  } catch (caught) {
    err = caught;
  }
  console.log('failed once:', err.code);
})();
console.log('after sizesOf call');
