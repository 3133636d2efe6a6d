// Checks: a callback whose value shadows a parameter that the call itself reads (fs-extra's
// `symlinkType(p, type, function (err, type) {…})` in `createSymlink(src, dst, type, cb)`)
// converts: `const type = await kindOf(p, type)` would read the new binding before it exists,
// so the parameter is set instead (`type = await kindOf(p, type)`); nothing reads the
// parameter after the operation started, so that is the same program. The optional-argument
// shift (a ternary pair) stays in the dual wrapper.
const fs = require('fs');

function kindOf(file, type, cb) {
  fs.stat(file, (err, stat) => {
    if (err) return cb(err);
    cb(null, type || (stat.isFile() ? 'file' : 'dir'));
  });
}

function describe(file, type, cb) {
  cb = typeof type === 'function' ? type : cb;
  type = typeof type === 'function' ? undefined : type;
  console.log('asked for', file, type);
  kindOf(file, type, (err, type) => {
    if (err) return cb(err);
    const label = `${file} is a ${type}`;
    cb(null, label);
  });
}
module.exports = describe;

describe('input.txt', (err, label) => {
  console.log('no type:', err, label);
  describe('data', 'folder', (err, label) => {
    console.log('given type:', err, label);
    describe('missing.txt', (err) => console.log('missing:', err.code));
  });
});
Promise.resolve().then(() => console.log('promise job'));
console.log('started');
