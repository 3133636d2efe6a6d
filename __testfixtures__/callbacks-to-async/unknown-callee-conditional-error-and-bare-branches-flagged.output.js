// Checks: rimraf's fixWinEPERM, whose fs functions come in `options`. `cb(er2.code === 'ENOENT'
// ? null : er)` is `if (…) cb(null); else cb(er)`: the test runs once, then a success or the
// caller's own error `er` (a parameter nothing reassigns) is passed on, which becomes `if (er)
// throw er; return`. `er2`/`er3` name errors as `er` does. The operation written as the bare
// `else` of an if (`else options.unlink(p, cb)`) is awaited inside a block of its own, not in
// an async IIFE, and no `return` is left at the end of that block.
const fs = require('fs');

// awaitify: a promise of what an error-first callback receives (rejects on any truthy error).
function fromCallback(start) {
  return new Promise((resolve, reject) => {
    start((err, ...values) => (err ? reject(err) : resolve(values)));
  });
}

fs.writeFileSync('a.txt', 'alpha');
fs.mkdirSync('d', { recursive: true });
const options = { chmod: fs.chmod, stat: fs.stat, unlink: fs.unlink };

async function fixWinEPERM(p, options, er) {
  try {
    await fromCallback((done) => options.chmod(p, 0o666, done));
  } catch (er2) {
    if (er2.code === 'ENOENT')
      return;
    else {
      if (er)
        throw er;
      return;
    }
  }
  let stats;
  try {
    [stats] = await fromCallback((done) => options.stat(p, done));
  } catch (er3) {
    if (er3.code === 'ENOENT')
      return;
    else {
      if (er)
        throw er;
      return;
    }
  }
  if (stats.isDirectory())
    return;
  else {
    await fromCallback((done) => options.unlink(p, done));
  }
}

const original = new Error('EPERM first');

void (async () => {
  let err = null;
  try {
    await fixWinEPERM('a.txt', options, original);
  } catch (caught) {
    err = caught;
  }
  console.log('file', err, fs.existsSync('a.txt'));
  void (async () => {
    let err = null;
    try {
      await fixWinEPERM('missing.txt', options, original);
    } catch (caught) {
      err = caught;
    }
    console.log('missing', err);
    void (async () => {
      let err = null;
      try {
        await fixWinEPERM('d', options, original);
      } catch (caught) {
        err = caught;
      }
      console.log('dir', err, fs.existsSync('d'));
      void (async () => {
        let err = null;
        try {
          await fixWinEPERM('d/none/deeper', options, null);
        } catch (caught) {
          err = caught;
        }
        console.log('missing, no first error', err);
      })();
    })();
  })();
})();

process.nextTick(() => console.log('tick'));
console.log('started');
