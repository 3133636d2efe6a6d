// Checks: more shapes of the optional-argument shift: `if (!cb) { cb = opts; opts = … }`
// (replayed only for a function, so that a promise call keeps its options),
// `typeof opts === 'function' && !cb`, and the two conditional assignments of fs-extra.
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

function sizeOf(file, opts, cb) {
  if (typeof opts === 'function' && !cb) {
    cb = opts;
    opts = { unit: 1 };
  }
  return settleCallback(sizeOfAsync(file, opts), cb);
}

async function sizeOfAsync(file, opts = { unit: 1 }) {
  const stats = await fsp.stat(file);
  return stats.size / opts.unit;
}

function lineCount(file, options, callback) {
  if (typeof options === 'function' && !callback) {
    callback = options;
    options = {};
  }
  return settleCallback(lineCountAsync(file, options), callback);
}

async function lineCountAsync(file, options = {}) {
  if (typeof options === 'function') {
    options = { filter: options };
  }
  const text = await fsp.readFile(file, 'utf8');
  const lines = text.split('\n').filter(Boolean);
  return options.filter ? lines.filter(options.filter).length : lines.length;
}

function kindOf(file, type, callback) {
  callback = (typeof type === 'function') ? type : callback;
  type = (typeof type === 'function') ? false : type;
  return settleCallback(kindOfAsync(file, type), callback);
}

async function kindOfAsync(file, type = false) {
  const stats = await fsp.lstat(file);
  return type || (stats.isDirectory() ? 'dir' : 'file');
}

module.exports = { sizeOf, lineCount, kindOf };

module.exports.sizeOf('input.txt', (err, size) => {
  console.log('size:', err, size);
  module.exports.sizeOf('input.txt', { unit: 2 }, (err, size) => {
    console.log('half size:', err, size);
    module.exports.lineCount('input.txt', (err, n) => {
      console.log('lines:', err, n);
      module.exports.lineCount('input.txt', (line) => line.startsWith('s'), (err, n) => {
        console.log('filtered lines:', err, n);
        module.exports.kindOf('data', (err, kind) => {
          console.log('kind:', err, kind);
          module.exports.kindOf('data', 'junction', (err, kind) => console.log('given kind:', err, kind));
        });
      });
    });
  });
});
