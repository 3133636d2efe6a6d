// Checks: `cb = once(cb)` (proven called once, so once changes nothing) and `cb = dezalgo(cb)`
// (its synchronous cache hit was deferred already, as the promise defers it: no Zalgo finding).
const fs = require('fs');
const once = require('once');
const dezalgo = require('dezalgo');

function loadOnce(file, cb) {
  cb = once(cb);
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text.length);
  });
}

const cache = {};
function cachedRead(file, cb) {
  cb = dezalgo(cb);
  if (cache[file]) return cb(null, cache[file]);
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) return cb(err);
    cache[file] = text.trim();
    cb(null, cache[file]);
  });
}
module.exports = { loadOnce, cachedRead };

loadOnce('other.txt', (err, length) => {
  console.log('length:', err, length);
  cachedRead('other.txt', (err, text) => {
    console.log('read:', err, text);
    cachedRead('other.txt', (err, text) => console.log('cached:', err, text));
    console.log('after the cached call');
  });
});
