// Checks: a callback renamed with a no-op default (`var callback = cb || function () {}`, as in
// nedb) is the callback itself: the function converts, `callback(…)` becomes return/throw, and
// a call without a callback now gets the promise (reported), called with one it still calls back.
// The empty-text path called back synchronously: converted and flagged (--strict refuses it).
const fsp = require('fs/promises');

// awaitify: the dual API of converted functions (callback when given, else the promise).
function settleCallback(promise, callback, values = 1) {
  if (typeof callback !== 'function') return promise;
  promise.then(
    (value) => process.nextTick(() => (values === 1 ? callback(null, value) : values === 0 ? callback(null) : callback(null, ...value))),
    (error) => process.nextTick(() => callback(error)),
  );
  return undefined;
}

function Db(file) {
  this.file = file;
}

Db.prototype.persist = function (text, cb) {
  return settleCallback(persistAsync.call(this, text), cb, 0);
};

async function persistAsync(text) {
  var self = this

  if (text.length === 0) { return; }
  await fsp.writeFile(self.file, text);
  console.log('persisted', self.file);
}

const db = new Db('out.txt');
db.persist('hello', function (err) {
  console.log('persist:', err);
  new Db('missing/out.txt').persist('x', function (err) {
    console.log('missing dir:', err.code);
  });
});
console.log('after persist call');
