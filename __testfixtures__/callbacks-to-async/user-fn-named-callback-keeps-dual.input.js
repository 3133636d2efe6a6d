// Checks: a converted function that is still called with a named callback keeps a callback
// form (the dual API): the named callback is called once, with (err) or (null, value).
const fs = require('fs');

function countLines(path, cb) {
  fs.readFile(path, 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text.split('\n').filter(Boolean).length);
  });
}

function report(err, count) {
  if (err) {
    console.log('count failed:', err.code);
    return;
  }
  console.log('lines:', count);
}

countLines('input.txt', report);
countLines('missing.txt', report);
console.log('after countLines calls');
