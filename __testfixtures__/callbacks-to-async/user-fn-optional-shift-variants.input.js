// Checks: more shapes of the optional-argument shift: `if (!cb) { cb = opts; opts = … }`
// (replayed only for a function, so that a promise call keeps its options),
// `typeof opts === 'function' && !cb`, and the two conditional assignments of fs-extra.
const fs = require('fs');

function sizeOf(file, opts, cb) {
  if (!cb) {
    cb = opts;
    opts = { unit: 1 };
  }
  fs.stat(file, (err, stats) => {
    if (err) return cb(err);
    cb(null, stats.size / opts.unit);
  });
}

function lineCount(file, options, callback) {
  if (typeof options === 'function' && !callback) {
    callback = options;
    options = {};
  } else if (typeof options === 'function') {
    options = { filter: options };
  }
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) return callback(err);
    const lines = text.split('\n').filter(Boolean);
    callback(null, options.filter ? lines.filter(options.filter).length : lines.length);
  });
}

function kindOf(file, type, callback) {
  callback = (typeof type === 'function') ? type : callback;
  type = (typeof type === 'function') ? false : type;
  fs.lstat(file, (err, stats) => {
    if (err) return callback(err);
    callback(null, type || (stats.isDirectory() ? 'dir' : 'file'));
  });
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
