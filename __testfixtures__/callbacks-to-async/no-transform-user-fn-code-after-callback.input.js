// Checks (refusal): code runs after `cb(null, …)` returns, which a `return` would skip
// (timing/code-after-callback-call).
const fs = require('fs');

function readAndLog(path, cb) {
  fs.readFile(path, 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text.length);
    console.log('after the callback returned');
  });
}

readAndLog('other.txt', (err, length) => console.log('length:', length));
