// Checks: two reads started one after the other and joined by a counter of 2 become
// Promise.all of two async items, started where the reads were; the log after them still runs
// before either completes.
const fsp = require('fs/promises');

async function readBoth(a, b) {
  const out = {};

  const joined = Promise.all([(async () => {
    const text = await fsp.readFile(a, 'utf8');
    out.first = text.length;
  })(), (async () => {
    const text = await fsp.readFile(b, 'utf8');
    out.second = text.length;
  })()]);
  console.log('both reads started');
  await joined;
  return out;
}

(async () => {
  const out = await readBoth('input.txt', 'other.txt');
  console.log('first:', out.first, 'second:', out.second);
})();
console.log('after readBoth call');
