// Checks: nedb's flushToStorage ends `if (errFS || errC) { return callback(e); } else { return
// callback(null); }`; converted, the success branch would be `else { return; }` at the end of
// the async function, which does nothing: the else goes, the error branch stays a throw.
const fs = require('fs');
const { promisify } = require('util');

const openAsync = promisify(fs.open);
const fsyncAsync = promisify(fs.fsync);
const closeAsync = promisify(fs.close);

fs.writeFileSync('a.txt', 'alpha');

async function flush(filename) {
  const fd = await openAsync(filename, 'r');
  let errFS = null;
  try {
    await fsyncAsync(fd);
  } catch (caught) {
    errFS = caught;
  }
  let errC = null;
  try {
    await closeAsync(fd);
  } catch (caught) {
    errC = caught;
  }
  if (errFS || errC) {
    var e = new Error('Failed to flush');
    e.errorOnFsync = errFS;
    e.errorOnClose = errC;
    throw e;
  }
}

(async () => {
  let err = null;
  try {
    await flush('a.txt');
  } catch (caught) {
    err = caught;
  }
  console.log('flushed', err);
  (async () => {
    let err = null;
    try {
      await flush('missing.txt');
    } catch (caught) {
      err = caught;
    }
    console.log('missing', err && err.code);
  })();
})();

console.log('started');
