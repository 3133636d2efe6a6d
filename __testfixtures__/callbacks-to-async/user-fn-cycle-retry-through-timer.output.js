// Checks: two callback APIs that hand their callback to each other in a cycle (lockfile's lock,
// which polls through notStale, which calls `exports.lock` again) convert together: each waits
// for the other in the callees-first order, so the pair is tried as one, every member counted
// as converted while each is tried. The file's own `exports.acquire(…)` reaches the export.
// Success is a bare `cb()` through both (`cb(er)` only under `if (er)`): callers' errors stay undefined.
var fs = require('fs');
var fsp = require('fs/promises');
var { setTimeout } = require('timers/promises');
// awaitify: the dual API of converted functions (callback when given, else the promise).
function settleCallback(promise, callback, values = 1) {
  if (typeof callback !== 'function') return promise;
  promise.then(
    (value) => process.nextTick(() => (values === 1 ? callback(null, value) : values === 0 ? callback(null) : callback(null, ...value))),
    (error) => process.nextTick(() => callback(error)),
  );
  return undefined;
}

exports.acquire = function (path, opts, cb) {
  return settleCallback(acquireAsync(path, opts), cb, 0);
};

async function acquireAsync(path, opts) {
  console.log('acquire', path, opts.tries);
  try {
    await fsp.mkdir(path);
  } catch (er) {
    if (er.code !== 'EEXIST' || opts.tries <= 0) throw er;
    opts.tries--;
    await waitAndRetry(path, opts);
    return;
  }
}

async function waitAndRetry(path, opts) {
  console.log('busy, waiting', opts.tries);
  await setTimeout(10);
  if (path === 'lock.d' && opts.tries === 1) fs.rmdirSync(path);
  await exports.acquire(path, opts);
}

(async () => {
  var er;
  try {
    await exports.acquire('data', { tries: 2 });
  } catch (caught) {
    er = caught;
  }
  console.log('data:', er.code);
  (async () => {
    var er;
    try {
      await exports.acquire('lock.d', { tries: 3 });
    } catch (caught) {
      er = caught;
    }
    console.log('lock.d first:', er);
    (async () => {
      var er;
      try {
        await exports.acquire('lock.d', { tries: 3 });
      } catch (caught) {
        er = caught;
      }
      console.log('lock.d again:', er);
    })();
  })();
})();

console.log('after acquire call');
