// Checks: a callback API function with `if (err) return cb(err)` and a JSON.parse try/catch
// that reports parse errors through the callback becomes an async function; its callers in
// the file await it, on the success path and on the error path.
// awaitify-fixture: options {"strict": true}
const fs = require('fs');

function readConfig(path, cb) {
  fs.readFile(path, 'utf8', (err, text) => {
    if (err) return cb(err);
    let config;
    try {
      config = JSON.parse(text);
    } catch (parseError) {
      return cb(parseError);
    }
    cb(null, config);
  });
}

readConfig('config.json', (err, config) => {
  if (err) throw err;
  console.log('config name:', config.name, 'port:', config.port);
  readConfig('input.txt', (err) => {
    if (err) {
      console.log('input.txt is not JSON:', err.name);
      return;
    }
    console.log('not reached');
  });
  process.nextTick(() => console.log('tick after the second read started'));
});
console.log('after readConfig call');
Promise.resolve().then(() => console.log('promise job after the call'));
