// Checks: a function of this file made by a factory (`const f = (function () { return
// function … })()`) is no unknown callee: its join calls back once per failing read, twice
// here, and awaiting it would keep only the first. The call keeps its callback
// (found by the fuzzer, seed 3004781).
const fs = require('fs');

const readBoth = (function makeReadBoth() {
  return function (first, second, cb) {
    const sizes = [];
    let pending = 2;
    fs.readFile(first, 'utf8', (err, text) => {
      if (err) return cb(err);
      sizes[0] = text.length;
      if (--pending === 0) cb(null, sizes.join('+'));
    });
    fs.readFile(second, 'utf8', (err, text) => {
      if (err) return cb(err);
      sizes[1] = text.length;
      if (--pending === 0) cb(null, sizes.join('+'));
    });
  };
})();

readBoth('missing-1.txt', 'missing-2.txt', (err, sizes) => {
  if (err) {
    console.error('failed', err.code);
    return;
  }
  console.log('sizes', sizes);
});
console.log('started');
