// Checks: a step function called where code follows it (`finish(); console.log(…)`) or read
// as a value is no step: the code after it ran before the callback was called, and a
// `return await finish()` would skip it. The function is left as it is.
const fs = require('fs');

function touchAndLog(file, cb) {
  function finish() {
    fs.writeFile(file, 'x', function (err) {
      if (err) return cb(err);
      cb(null, file);
    });
  }
  fs.stat(file, function (err) {
    if (!err) return cb(null, file);
    finish();
    console.log('writing', file);
  });
}

function touchLater(file, cb) {
  function finish() {
    fs.writeFile(file, 'y', function (err) {
      if (err) return cb(err);
      cb(null, file);
    });
  }
  const later = finish;
  setTimeout(later, 1);
}

touchAndLog('made.txt', (err, file) => {
  console.log('touched:', err, file);
  touchLater('later.txt', (err, file) => console.log('later:', err, file));
});
console.log('started');
