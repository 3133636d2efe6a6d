// Checks: a local step function that calls the callback (`function makeFile() { … cb(…) }`),
// called at the tails of several branches (fs-extra's createFile), becomes an async function
// with the API that holds it; each call of it is `return await makeFile()` where it was made.
const fs = require('fs');
const path = require('path');
const fsp = require('fs/promises');
const { promisify } = require('util');

const existsAsync = promisify(fs.exists);
// awaitify: the dual API of converted functions (callback when given, else the promise).
function settleCallback(promise, callback, values = 1) {
  if (typeof callback !== 'function') return promise;
  promise.then(
    (value) => process.nextTick(() => (values === 1 ? callback(null, value) : values === 0 ? callback(null) : callback(null, ...value))),
    (error) => process.nextTick(() => callback(error)),
  );
  return undefined;
}

function createFile(file, callback) {
  return settleCallback(createFileAsync(file), callback, 0);
}

async function createFileAsync(file) {
  async function makeFile() {
    await fsp.writeFile(file, '');
  }
  const fileExists = await existsAsync(file);
  if (fileExists) return;
  var dir = path.dirname(file);
  const dirExists = await existsAsync(dir);
  if (dirExists) return await makeFile();
  await fsp.mkdir(dir, { recursive: true });
  return await makeFile();
}

function copyLines(from, to, limit, cb) {
  return settleCallback(copyLinesAsync(from, to, limit), cb);
}

async function copyLinesAsync(from, to, limit) {
  async function write(text) {
    await fsp.writeFile(to, text);
    return text.length;
  }
  const text = await fsp.readFile(from, 'utf8');
  if (limit) {
    return await write(text.split('\n').slice(0, limit).join('\n'));
  } else {
    return await write(text);
  }
}

module.exports = { createFile, copyLines };

setTimeout(() => console.log('timer'), 0);
setImmediate(() => console.log('immediate'));
process.nextTick(() => console.log('tick'));
Promise.resolve().then(() => console.log('promise job'));

(async () => {
  let err;
  try {
    await createFile('made/deep/new.txt');
  } catch (caught) {
    err = caught;
  }
  console.log('created:', err || 'no error', fs.readdirSync('made/deep'));
  (async () => {
    let err;
    try {
      await createFile('input.txt');
    } catch (caught) {
      err = caught;
    }
    console.log('exists:', err || 'no error');
    (async () => {
      let err;
      try {
        await createFile('input.txt/x/y');
      } catch (caught) {
        err = caught;
      }
      console.log('cannot:', err.code);
      (async () => {
        let err = null;
        let n;
        try {
          n = await copyLines('input.txt', 'made/two.txt', 2);
        } catch (caught) {
          err = caught;
        }
        console.log('copied:', err, n);
        (async () => {
          let err = null;
          let n;
          try {
            n = await copyLines('input.txt', 'made/all.txt', 0);
          } catch (caught) {
            err = caught;
          }
          console.log('all:', err, n);
        })();
      })();
    })();
  })();
})();

console.log('started');
