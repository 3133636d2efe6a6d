// Checks: steps that call each other (mv's `mkdirs()` then `doRename()`), started from an
// if/else at the top of the API and followed only by their declarations, convert with it:
// each call is `return await step()`, the optional-argument shift stays in the dual wrapper.
const fs = require('fs');
const path = require('path');

function move(source, dest, options, cb) {
  if (typeof options === 'function') {
    cb = options;
    options = {};
  }
  var shouldMkdirp = !!options.mkdirp;

  if (shouldMkdirp) {
    mkdirs();
  } else {
    doRename();
  }

  function mkdirs() {
    fs.mkdir(path.dirname(dest), { recursive: true }, function (err) {
      if (err) return cb(err);
      doRename();
    });
  }

  // rename, then report where the file went
  function doRename() {
    fs.rename(source, dest, function (err) {
      if (err) return cb(err);
      cb(null, dest);
    });
  }
}

module.exports = move;

setTimeout(() => console.log('timer'), 0);
setImmediate(() => console.log('immediate'));
process.nextTick(() => console.log('tick'));
Promise.resolve().then(() => console.log('promise job'));
fs.writeFileSync('a.txt', 'a');
move('a.txt', 'moved/deeper/a.txt', { mkdirp: true }, (err, where) => {
  console.log('moved:', err, where, fs.existsSync('a.txt'));
  move('moved/deeper/a.txt', 'b.txt', (err, where) => {
    console.log('back:', err, where, fs.readFileSync('b.txt', 'utf8'));
    move('missing.txt', 'nowhere/c.txt', (err) => console.log('missing:', err.code));
  });
});
console.log('started');
