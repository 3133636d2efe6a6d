// Checks: rimraf's fixWinEPERM, whose fs functions come in `options`. `cb(er2.code === 'ENOENT'
// ? null : er)` is `if (…) cb(null); else cb(er)`: the test runs once, then a success or the
// caller's own error `er` (a parameter nothing reassigns) is passed on, which becomes `if (er)
// throw er; return`. `er2`/`er3` name errors as `er` does. The operation written as the bare
// `else` of an if (`else options.unlink(p, cb)`) is awaited inside a block of its own, not in
// an async IIFE, and no `return` is left at the end of that block.
const fs = require('fs');

fs.writeFileSync('a.txt', 'alpha');
fs.mkdirSync('d', { recursive: true });
const options = { chmod: fs.chmod, stat: fs.stat, unlink: fs.unlink };

function fixWinEPERM(p, options, er, cb) {
  options.chmod(p, 0o666, function (er2) {
    if (er2)
      cb(er2.code === 'ENOENT' ? null : er)
    else
      options.stat(p, function (er3, stats) {
        if (er3)
          cb(er3.code === 'ENOENT' ? null : er)
        else if (stats.isDirectory())
          cb(null)
        else
          options.unlink(p, cb)
      })
  })
}

const original = new Error('EPERM first');
fixWinEPERM('a.txt', options, original, function (err) {
  console.log('file', err, fs.existsSync('a.txt'));
  fixWinEPERM('missing.txt', options, original, function (err) {
    console.log('missing', err);
    fixWinEPERM('d', options, original, function (err) {
      console.log('dir', err, fs.existsSync('d'));
      fixWinEPERM('d/none/deeper', options, null, function (err) {
        console.log('missing, no first error', err);
      });
    });
  });
});
process.nextTick(() => console.log('tick'));
console.log('started');
