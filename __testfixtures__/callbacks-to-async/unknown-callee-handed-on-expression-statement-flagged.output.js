// Checks: the hand-on that ends a path may be a plain call statement, last in its operation's
// callback (`maker.make(dir, cb)`), and the function's own call-backs pass no value
// (`cb()`): the unknown callee is assumed to pass none either (timing/unknown-callee
// handedOnAssumed at the call). This one calls back with no value, later, so the program
// prints the same. (The callers print whether there was an error, not `err` itself: a converted
// caller's `err` is null where `cb()` gave undefined, which is another matter.)
const fsp = require('fs/promises');

// awaitify: a promise of what an error-first callback receives (rejects on any truthy error).
function fromCallback(start) {
  return new Promise((resolve, reject) => {
    start((err, ...values) => (err ? reject(err) : resolve(values)));
  });
}

function makeMaker() {
  return {
    make(dir, cb) {
      setTimeout(() => cb(dir.endsWith('bad') ? new Error('cannot make ' + dir) : null), 1);
    },
  };
}
const maker = makeMaker();

async function ensure(dir) {
  let err = null;
  try {
    await fsp.access(dir);
  } catch (caught) {
    err = caught;
  }

  if (!err) return;
  await fromCallback((done) => maker.make(dir, done));
}

(async () => {
  let err = null;
  try {
    await ensure(__dirname);
  } catch (caught) {
    err = caught;
  }
  console.log('existing:', err ? err.message : 'no error');
  (async () => {
    let err = null;
    try {
      await ensure(__dirname + '/missing');
    } catch (caught) {
      err = caught;
    }
    console.log('made:', err ? err.message : 'no error');
    (async () => {
      let err = null;
      try {
        await ensure(__dirname + '/missing-bad');
      } catch (caught) {
        err = caught;
      }
      console.log('bad:', err && err.message);
    })();
  })();
})();

console.log('started');
