// Checks: a converted caller's captured error holds on success what the callback's error
// parameter held: undefined where the function called back with a bare `cb()` (`touch`), null
// where it called `cb(null)` (`check`) or handed `cb` to a Node API, which passes null (`remove`).
// The callers print the error itself, so a `let err = null` for `touch` would change the trace.
const fs = require('fs');
const fsp = require('fs/promises');

fs.writeFileSync('a.txt', 'alpha');

async function touch(name) {
  await fsp.stat(name);
}

async function check(name) {
  await fsp.access(name);
}

async function remove(name) {
  await fsp.stat(name);
  await fsp.unlink(name);
}

(async () => {
  let err;
  try {
    await touch('a.txt');
  } catch (caught) {
    err = caught;
  }
  console.log('touch', err);
  (async () => {
    let err = null;
    try {
      await check('a.txt');
    } catch (caught) {
      err = caught;
    }
    console.log('check', err);
    (async () => {
      let err = null;
      try {
        await remove('a.txt');
      } catch (caught) {
        err = caught;
      }
      console.log('remove', err);
      (async () => {
        let err;
        try {
          await touch('a.txt');
        } catch (caught) {
          err = caught;
        }
        console.log('touch again', err && err.code);
      })();
    })();
  })();
})();

process.nextTick(() => console.log('tick'));
console.log('started');
