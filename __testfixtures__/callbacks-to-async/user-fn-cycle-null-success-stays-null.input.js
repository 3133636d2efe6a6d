// Checks: in a cycle of callback APIs where one member may call back `cb(er)` with an
// operation's null error on success (not under `if (er)`), the callers' captured error stays
// null after the conversion, as it was: only a cycle whose every success is a bare `cb()`
// leaves it undefined.
var fs = require('fs');

function copyOnce(src, dst, cb) {
  fs.copyFile(src, dst, fs.constants.COPYFILE_EXCL, function (er) {
    if (er && er.code === 'EEXIST') return replaceCopy(src, dst, cb);
    cb(er);
  });
}

function replaceCopy(src, dst, cb) {
  fs.unlink(dst, function (er) {
    if (er && er.code === 'ENOENT') return cb();
    if (er) return cb(er);
    console.log('replacing', dst);
    copyOnce(src, dst, cb);
  });
}

copyOnce('input.txt', 'copy.txt', function (er) {
  console.log('first copy:', er);
  copyOnce('input.txt', 'copy.txt', function (er) {
    console.log('second copy:', er);
  });
});
console.log('started');
