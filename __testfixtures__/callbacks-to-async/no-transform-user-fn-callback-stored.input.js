// Checks (refusal): the callback is stored for later, where its calls cannot be followed
// (timing/callback-stored-or-escaping).
const fs = require('fs');

const waiting = [];
function whenReady(path, cb) {
  waiting.push(cb);
  fs.readFile(path, 'utf8', (err, text) => {
    if (err) return cb(err);
    for (const next of waiting.splice(0)) next(null, text);
  });
}

whenReady('other.txt', (err, text) => console.log('ready:', text.length));
