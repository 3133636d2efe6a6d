// Checks: a named function expression called where it stands, `(function next() { … })()`,
// becomes the async function itself when the IIFE awaitify wrote ends it, nothing before that
// IIFE can throw, and every call of it by its name drops the value: `tick`, a retry loop
// (`tick()` again from inside the callback), becomes a declaration and a call
// (`async function tick() {…}`, `tick();`); `check`, whose name the enclosing function also
// binds, stays an expression. Kept as IIFEs, since what runs before the call could throw at once
// and a caller up the chain, in this file or outside it, may catch that (as a rejection of a
// dropped promise no catch would see it): node-dir's loop over a listing (`list[i++]`,
// `path.join`), tmp's retry of a unique name (a call of `generate`), and `watch` and `peek`,
// called inside try blocks, where their throws are exercised.
const fs = require('fs');
const path = require('path');
const fsp = require('fs/promises');

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
    (async () => {
      let stat;
      try {
        stat = await fsp.stat(file);
      } catch (err) {
        return next();
      }
      sizes.push(name + ':' + stat.size);
      console.log('stat', name);
      next();
    })();
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
    (async () => {
      let err = null;
      try {
        await fsp.stat(name);
      } catch (caught) {
        err = caught;
      }
      if (!err) return _getUniqueName();
      cb(name);
    })();
  }());
}

function countDown(n) {
  async function tick() {
    let err = null;
    try {
      await fsp.access('d');
    } catch (caught) {
      err = caught;
    }
    console.log('tick', n, !err);
    if (--n > 0) tick();
    else watch('d');
  }
  tick();
  console.log('counting', n);
}

function probe(file, cb) {
  var check = 'label';
  console.log('probe', check);
  (async function check() {
    let err = null;
    try {
      await fsp.access(file);
    } catch (caught) {
      err = caught;
    }
    cb(!err);
  })();
}

function peek(file) {
  var shown = file.toLowerCase();
  (async () => {
    let err = null;
    try {
      await fsp.access(file);
    } catch (caught) {
      err = caught;
    }
    console.log('peek', shown, !err);
  })();
}

function watch(file) {
  var shown = file.toUpperCase();
  (async () => {
    let err = null;
    try {
      await fsp.access(file);
    } catch (caught) {
      err = caught;
    }
    console.log('watch', shown, !err);
  })();
}

listSizes('d', function (sizes) {
  console.log('sizes', sizes.join(' '));
  uniqueName('a', function (name) {
    console.log('unique', name);
    probe(name, function (ok) {
      console.log('probed', ok);
      countDown(2);
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
