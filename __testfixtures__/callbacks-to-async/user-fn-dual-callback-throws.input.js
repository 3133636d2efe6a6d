// Checks: an exported callback function gets the dual API; a caller's callback that throws is
// an uncaught exception exactly as before (not an unhandled rejection, not a second call).
// awaitify-fixture: expect-exit 1
const fs = require('fs');

function loadName(path, cb) {
  fs.readFile(path, 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, JSON.parse(text).name);
  });
}
module.exports = { loadName };

let calls = 0;
process.on('exit', () => console.log('callback calls:', calls));
module.exports.loadName('config.json', (err, name) => {
  calls += 1;
  console.log('name:', name);
  throw new Error('the caller callback failed');
});
console.log('after loadName call');
