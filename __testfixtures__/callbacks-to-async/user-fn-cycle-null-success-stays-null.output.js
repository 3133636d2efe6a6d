// Checks: in a cycle of callback APIs where one member may call back `cb(er)` with an
// operation's null error on success (not under `if (er)`), the callers' captured error stays
// null after the conversion, as it was: only a cycle whose every success is a bare `cb()`
// leaves it undefined.
var fs = require('fs');
var fsp = require('fs/promises');

async function copyOnce(src, dst) {
  var er = null;
  try {
    await fsp.copyFile(src, dst, fs.constants.COPYFILE_EXCL);
  } catch (caught) {
    er = caught;
  }

  if (er && er.code === 'EEXIST') {
    await replaceCopy(src, dst);
    return;
  }
  if (er) throw er;
}

async function replaceCopy(src, dst) {
  var er = null;
  try {
    await fsp.unlink(dst);
  } catch (caught) {
    er = caught;
  }
  if (er && er.code === 'ENOENT') return;
  if (er) throw er;
  console.log('replacing', dst);
  await copyOnce(src, dst);
}

(async () => {
  var er = null;
  try {
    await copyOnce('input.txt', 'copy.txt');
  } catch (caught) {
    er = caught;
  }
  console.log('first copy:', er);
  (async () => {
    var er = null;
    try {
      await copyOnce('input.txt', 'copy.txt');
    } catch (caught) {
      er = caught;
    }
    console.log('second copy:', er);
  })();
})();

console.log('started');
