// Checks: a local step function declared after an `if` whose branch runs an operation and calls
// the step in its callback, the other branch calling it directly (mv's moveDirAcrossDevice):
// the function declaration after the `if` runs nothing, so the branch still ends the function
// and the operation's await goes in place, with `return await step()` after it.
const fs = require('fs');

function replaceCopy(source, dest, clean, cb) {
  if (clean) {
    fs.rm(dest, { force: true }, function (err) {
      if (err) return cb(err);
      copy();
    });
  } else {
    copy();
  }
  function copy() {
    fs.copyFile(source, dest, function (err) {
      if (err) return cb(err);
      cb(null, fs.readFileSync(dest, 'utf8').length);
    });
  }
}

module.exports = { replaceCopy };

replaceCopy('input.txt', 'copy.txt', true, (err, n) => {
  console.log('clean copy:', err, n);
  replaceCopy('input.txt', 'copy.txt', false, (err, n) => {
    console.log('copy over:', err, n);
    replaceCopy('nope.txt', 'copy2.txt', true, (err) => {
      console.log('no source:', err.code);
      replaceCopy('input.txt', 'nope/copy.txt', false, (err) => console.log('no dir:', err.code));
    });
  });
});
console.log('started');
