// Checks: fstream's `fs[chown](…)`, a computed member of fs whose key is one of a few names
// (every value written to the variable: `follow ? 'stat' : 'lstat'`, then maybe 'stat' again),
// each a callback function of fs that calls back alike: the call goes through
// `util.promisify(fs[key])` at the call, right whichever name the key holds. Kept: a key that
// comes in as a parameter (`sizeBy`: any name at all), and one that may name `lchmod`, which
// awaitify does not promisify (deprecated, macOS only).
const fs = require('fs');

fs.writeFileSync('a.txt', 'alpha');

function sizeOf(p, follow, cb) {
  var method = follow ? 'stat' : 'lstat';
  if (method === 'lstat' && !fs[method]) {
    method = 'stat';
  }
  fs[method](p, function (er, st) {
    if (er) return cb(er);
    cb(null, st.size);
  });
}

function touchMode(p, mode, follow, cb) {
  var chmod = follow ? 'chmod' : 'lchmod';
  if (!fs[chmod]) return cb();
  fs[chmod](p, mode, cb);
}

function sizeBy(p, method, cb) {
  fs[method](p, function (er, st) {
    if (er) return cb(er);
    cb(null, st.size);
  });
}

sizeOf('a.txt', false, function (err, size) {
  console.log('size', err, size);
  sizeOf('missing.txt', true, function (err, size) {
    console.log('missing', err && err.code, size);
    touchMode('a.txt', 0o644, true, function (err) {
      console.log('mode', err, (fs.statSync('a.txt').mode & 0o777).toString(8));
      sizeBy('a.txt', 'stat', function (err, size) {
        console.log('by', err, size);
      });
    });
  });
});
process.nextTick(() => console.log('tick'));
console.log('started');
