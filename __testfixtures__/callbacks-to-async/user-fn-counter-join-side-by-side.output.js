// Checks: two reads started one after the other and joined by a counter of 2 become
// Promise.all of two async items, started where the reads were; the log after them still runs
// before either completes. A `failed` flag makes the join call back at most once, so Promise.all
// (which settles with the first error) is exact; without it the join is refused
// (no-transform-counter-join-two-members-can-fail).
const fsp = require('fs/promises');

async function readBoth(a, b) {
  const out = {};
  let failed = false;
  const joined = Promise.all([(async () => {
    let err = null;
    let text;
    try {
      text = await fsp.readFile(a, 'utf8');
    } catch (caught) {
      err = caught;
    }
    if (failed) return;
    if (err) {
      failed = true;
      throw err;
    }
    out.first = text.length;
  })(), (async () => {
    let err = null;
    let text;
    try {
      text = await fsp.readFile(b, 'utf8');
    } catch (caught) {
      err = caught;
    }
    if (failed) return;
    if (err) {
      failed = true;
      throw err;
    }
    out.second = text.length;
  })()]);
  console.log('both reads started');
  await joined;
  return out;
}

(async () => {
  const out = await readBoth('input.txt', 'other.txt');
  console.log('first:', out.first, 'second:', out.second);
  let err = null;
  try {
    await readBoth('missing.txt', 'no-such-dir/other.txt');
  } catch (caught) {
    err = caught;
  }
  console.log('failed once:', err.code);
})();
console.log('after readBoth call');
