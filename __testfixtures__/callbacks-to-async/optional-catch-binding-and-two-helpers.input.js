// Checks: code with an optional catch binding (`catch {}`) converts (ast-types' scopes cannot
// read such a clause; the engine stands in a name while transforms run), and a file that
// gets both local helpers (the dual API and fromCallback) prints each on lines of its own and
// reuses them on a second run.
// awaitify-fixture: options {"allow": ["timing/unknown-callee"]}
const fs = require('fs');

const store = {
  gets: 0,
  get(key, cb) {
    setImmediate(() => cb(null, key.length));
    this.gets++;
  },
};

function size(path, cb) {
  fs.stat(path, (err, stats) => {
    if (err) return cb(err);
    cb(null, stats.size);
  });
}
module.exports = { size };

try {
  JSON.parse('not json');
} catch {
  store.get('key', (err, length) => {
    if (err) throw err;
    console.log('length from the store:', length);
    size('input.txt', (err, bytes) => {
      if (err) throw err;
      console.log('size:', bytes);
    });
  });
}
console.log('after the try');
