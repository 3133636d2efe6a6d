// Checks (refusal): on the empty-name path the callback is never called, so a promise would
// never settle (timing/callback-maybe-not-called).
const fs = require('fs');

function readIfNamed(name, cb) {
  if (!name) return;
  fs.readFile(name, 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text.length);
  });
}

readIfNamed('', () => console.log('never'));
readIfNamed('other.txt', (err, length) => console.log('length', length));
