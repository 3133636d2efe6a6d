// Checks: a callee awaitify does not know (a method of an `options` parameter, as rimraf takes
// its fs functions) is taken for an error-first operation when its callback's first test is led
// by the error (`if (er && er.code === 'ENOENT')`, `if (!er)`) or all the callback does is hand
// the error on (`function (er) { return done(er); }`): converted and flagged as an unknown
// callee. Kept: `sizeOf`, whose callback reads `st` after tests an unknown callee's error
// values make unclear; `make`, whose callback is not its last parameter (mkdirp's `mkdirP(p,
// opts, f, made)` with `var cb = f || …`): the fs call's callback calls `cb` back, and an async
// IIFE inside a function that still takes a callback is left unwritten.
const fs = require('fs');

// awaitify: a promise of what an error-first callback receives (rejects on any truthy error).
function fromCallback(start) {
  return new Promise((resolve, reject) => {
    start((err, ...values) => (err ? reject(err) : resolve(values)));
  });
}

fs.writeFileSync('a.txt', 'alpha');
const options = { stat: fs.stat, unlink: fs.unlink, access: fs.access };

function sizeOf(p, options, done) {
  options.stat(p, function (er, st) {
    if (er && er.code === 'ENOENT') return done(null, 0);
    if (er) return done(er);
    done(null, st.size);
  });
}

async function remove(p, options) {
  await fromCallback((done) => options.unlink(p, done));
}

async function check(p, options) {
  let er = null;
  try {
    await fromCallback((done) => options.access(p, done));
  } catch (caught) {
    er = caught;
  }
  if (!er) console.log('present', p);
  else console.log('absent', p);
}

function make(p, f, made) {
  var cb = f || function () {};
  fs.mkdir(p, function (er) {
    if (!er) return cb(null, made || p);
    cb(er);
  });
}

sizeOf('a.txt', options, function (err, size) {
  console.log('size', err, size);
  sizeOf('missing.txt', options, function (err, size) {
    console.log('missing size', err, size);
    (async () => {
      let err = null;
      try {
        await remove('missing.txt', options);
      } catch (caught) {
        err = caught;
      }
      console.log('remove', err && err.code);
    })();
  });
});
check('a.txt', options);
check('missing.txt', options);
make('made-dir', function (err, made) {
  console.log('made', err, made);
});
process.nextTick(() => console.log('tick'));
Promise.resolve().then(() => console.log('promise job'));
console.log('started');
