// Checks: `cb = cb || noop` and `cb = cb || function () {}`: the async function always has its
// promise, so the default goes; a call made without a callback now gets a promise (reported
// on the function and on that call, since an error would now reject unhandled).
const fs = require('fs');

function noop() {}

function saveLog(file, text, cb) {
  cb = cb || noop;
  fs.appendFile(file, text + '\n', (err) => {
    if (err) return cb(err);
    cb(null, text.length);
  });
}

function readLog(file, cb) {
  cb = cb || function () {};
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text.split('\n').length);
  });
}
module.exports = { saveLog, readLog };

readLog('input.txt');
saveLog('out.log', 'second', (err, length) => {
  console.log('saved:', err, length);
  readLog('out.log', (err, lines) => console.log('lines:', err, lines));
});
