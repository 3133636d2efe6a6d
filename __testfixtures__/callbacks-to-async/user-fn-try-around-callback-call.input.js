// Checks: `try { cb(null, JSON.parse(text)) } catch (e) { cb(e) }`: the parse error still reaches
// the caller; a throw from the caller's callback would have come back as a second call, which
// the async function cannot make (reported).
const fs = require('fs');

function readJson(file, cb) {
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) return cb(err);
    try {
      cb(null, JSON.parse(text));
    } catch (e) {
      cb(e);
    }
  });
}
module.exports = readJson;

readJson('config.json', (err, config) => {
  console.log('config:', err, config.name);
  readJson('input.txt', (err) => {
    console.log('not json:', err.name);
    readJson('missing.txt', (err) => console.log('missing:', err.code));
  });
});
