// Checks: `fs[method](…)` converts only where every value the key may hold is read from the
// code (fs-computed-member-key). A key that comes in as a parameter may name any member of fs,
// or none, so the call keeps its callback and so does `sizeBy` around it.
const fs = require('fs');

fs.writeFileSync('a.txt', 'alpha');

function sizeBy(p, method, cb) {
  fs[method](p, function (er, st) {
    if (er) return cb(er);
    cb(null, st.size);
  });
}

sizeBy('a.txt', 'stat', function (err, size) {
  console.log('stat', err, size);
  sizeBy('missing.txt', 'lstat', function (err, size) {
    console.log('lstat', err && err.code, size);
  });
});
console.log('started');
