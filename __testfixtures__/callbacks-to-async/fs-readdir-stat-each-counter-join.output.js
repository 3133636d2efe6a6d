// Checks: readdir, then a loop that starts one fs.stat per entry, joined by a counter (a
// Promise.all over the loop, not a loop of awaits). Sizes print sorted by name once all are in.
const path = require('path');
const fsp = require('fs/promises');

(async () => {
  const names = await fsp.readdir('data');
  const sizes = {};
  let pending = names.length;
  for (const name of names) {
    (async () => {
      const stats = await fsp.stat(path.join('data', name));
      sizes[name] = stats.size;
      pending -= 1;
      if (pending === 0) {
        const listing = Object.keys(sizes).sort().map((key) => `${key}=${sizes[key]}`);
        console.log('sizes:', listing.join(' '));
      }
    })();
  }
  console.log('started', names.length, 'stat calls');
})();
console.log('after readdir call');
