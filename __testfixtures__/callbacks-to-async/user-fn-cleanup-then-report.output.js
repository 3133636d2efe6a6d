// Checks: an error reported after a cleanup whose own error is ignored (lockfile's
// `if (er) return fs.close(fd, function (er2) { return cb(er) })`, and `fs.unlink(tmp, () =>
// cb(er))` with the operation's own error) converts: the cleanup is awaited first, its error
// caught and dropped, then the error thrown (or, when there was none, the function returns).
const fs = require('fs');
const { promisify } = require('util');

const openAsync = promisify(fs.open);
const readAsync = promisify(fs.read);
const closeAsync = promisify(fs.close);
const fsp = require('fs/promises');
// awaitify: the dual API of converted functions (callback when given, else the promise).
function settleCallback(promise, callback, values = 1) {
  if (typeof callback !== 'function') return promise;
  promise.then(
    (value) => process.nextTick(() => (values === 1 ? callback(null, value) : values === 0 ? callback(null) : callback(null, ...value))),
    (error) => process.nextTick(() => callback(error)),
  );
  return undefined;
}

function firstBytes(path, cb) {
  return settleCallback(firstBytesAsync(path), cb);
}

async function firstBytesAsync(path) {
  const fd = await openAsync(path, 'r');
  var buffer = Buffer.alloc(5);
  let n;
  try {
    ({ bytesRead: n } = await readAsync(fd, buffer, 0, 5, 0));
  } catch (er) {
    try {
      await closeAsync(fd);
    } catch {}
    throw er;
  }

  try {
    await closeAsync(fd);
  } catch {}
  return buffer.toString('utf8', 0, n);
}

function linkThenTidy(from, to, cb) {
  return settleCallback(linkThenTidyAsync(from, to), cb, 0);
}

async function linkThenTidyAsync(from, to) {
  let er = null;
  try {
    await fsp.link(from, to);
  } catch (caught) {
    er = caught;
  }
  try {
    await fsp.unlink(from + '.tmp');
  } catch {}

  // best effort: if the unlink fails, the link's outcome is still what counts
  if (er) throw er;
}

module.exports = { firstBytes, linkThenTidy };

setTimeout(() => console.log('timer'), 0);
setImmediate(() => console.log('immediate'));
process.nextTick(() => console.log('tick'));
Promise.resolve().then(() => console.log('promise job'));
fs.writeFileSync('a.txt.tmp', 'scratch');

(async () => {
  let err = null;
  let bytes;
  try {
    bytes = await firstBytes('input.txt');
  } catch (caught) {
    err = caught;
  }
  console.log('bytes:', err, bytes);

  // a directory opens, and reading it fails: the descriptor is closed, then the error reported
  (async () => {
    let err = null;
    try {
      await firstBytes('data');
    } catch (caught) {
      err = caught;
    }
    console.log('directory:', err.code);
    (async () => {
      let err = null;
      try {
        await linkThenTidy('a.txt', 'b.txt');
      } catch (caught) {
        err = caught;
      }
      console.log('no source:', err.code, fs.existsSync('a.txt.tmp'));
      fs.writeFileSync('a.txt', 'a');
      (async () => {
        let err = null;
        try {
          await linkThenTidy('a.txt', 'b.txt');
        } catch (caught) {
          err = caught;
        }
        console.log('linked:', err || 'no error', fs.readFileSync('b.txt', 'utf8'));
      })();
    })();
  })();
})();

console.log('started');
