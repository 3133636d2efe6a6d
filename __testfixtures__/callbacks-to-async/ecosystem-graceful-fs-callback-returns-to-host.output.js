// Checks: function-returned-where-value-dropped-becomes-async through a callback library the
// ecosystem table knows (graceful-fs 4, which never reads what its callback returns): `mkDir`
// is returned from the callback handed to `isWritable`, whose parameter is returned from
// graceful-fs's lstat callback, so `mkDir` becomes the async function itself (fs-extra's
// copy). The second directory is tried once the first is done, so that no two operations
// race; the code after each call still runs before the continuation.
// awaitify-fixture: options {"dependencies": {"graceful-fs": "^4.1.2"}}
const fs = require('graceful-fs');
const { promisify } = require('util');

const mkdirAsync = promisify(fs.mkdir);
const lstatAsync = promisify(fs.lstat);

fs.writeFileSync('a.txt', 'alpha');

const next = ['a.txt'];

function finish(...values) {
  console.log(...values);
  if (next.length) onDir(next.shift());
  console.log('after', values[1]);
}

async function mkDir(dir) {
  try {
    await mkdirAsync(dir);
  } catch (err) {
    return finish('mkdir failed', dir, err.code);
  }
  finish('made', dir);
}

async function isWritable(path, done) {
  try {
    await lstatAsync(path);
  } catch (err) {
    return done(true);
  }
  return done(false);
}

function onDir(dir) {
  isWritable(dir, function (writable) {
    if (writable) return mkDir(dir);
    finish('exists', dir);
  });
}

onDir('d1');
process.nextTick(() => console.log('tick'));
Promise.resolve().then(() => console.log('promise job'));
console.log('started');
