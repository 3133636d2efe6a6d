// Checks: a named function expression called where it stands, `(function next() { … })()`,
// becomes the async function itself when the IIFE awaitify wrote ends it and every call of it
// by its name drops the value: node-dir's loop over a listing (`return next()` from inside the
// callback, `next()` after a nested call) and tmp's retry of a unique name
// (`return _getUniqueName()`). What runs before each IIFE (`list[i++]`, `path.join`, a call
// of `generate`) could throw at once, which now rejects: flagged. `watch` is called inside a
// try block, where such a throw was caught: it keeps its IIFE, and the throw is exercised;
// so does `peek`, called from a callback written inside a try block (forEach calls it there).
// Each folded expression becomes a declaration and a call (`async function next() {…}`,
// `next();`) but `check`, whose name the enclosing function also binds.
const fs = require('fs');
const path = require('path');

fs.mkdirSync('d');
fs.writeFileSync(path.join('d', 'a.txt'), 'alpha');
fs.writeFileSync(path.join('d', 'b.txt'), 'beta!');

function listSizes(dir, done) {
  var list = fs.readdirSync(dir).sort();
  var i = 0;
  var sizes = [];
  (function next() {
    var name = list[i++];
    if (!name) return done(sizes);
    var file = path.join(dir, name);
    fs.stat(file, function (err, stat) {
      if (err) return next();
      sizes.push(name + ':' + stat.size);
      console.log('stat', name);
      next();
    });
  })();
  console.log('listing', dir);
}

var tries = 0;
function generate(base) {
  tries++;
  return path.join('d', base + (tries > 1 ? '-' + tries : '') + '.txt');
}

function uniqueName(base, cb) {
  (function _getUniqueName() {
    const name = generate(base);
    fs.stat(name, function (err) {
      if (!err) return _getUniqueName();
      cb(name);
    });
  }());
}

function probe(file, cb) {
  var check = 'label';
  console.log('probe', check);
  (function check() {
    fs.access(file, function (err) {
      cb(!err);
    });
  })();
}

function peek(file) {
  var shown = file.toLowerCase();
  fs.access(file, function (err) {
    console.log('peek', shown, !err);
  });
}

function watch(file) {
  var shown = file.toUpperCase();
  fs.access(file, function (err) {
    console.log('watch', shown, !err);
  });
}

listSizes('d', function (sizes) {
  console.log('sizes', sizes.join(' '));
  uniqueName('a', function (name) {
    console.log('unique', name);
    probe(name, function (ok) {
      console.log('probed', ok);
      watch('d');
    });
  });
});
try {
  watch(null);
} catch (err) {
  console.log('caught', err.constructor.name);
}
try {
  [null].forEach(function (file) {
    peek(file);
  });
} catch (err) {
  console.log('caught in forEach', err.constructor.name);
}
console.log('started');
