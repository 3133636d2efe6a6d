// Checks: `self.load(…)` is not taken for the prototype's own `load` when `self` is reassigned
// (it may be another object): that call is no call of the converted `load` (it goes through fromCallback). `load` itself converts.
const fsp = require('fs/promises');

// awaitify: the dual API of converted functions (callback when given, else the promise).
function settleCallback(promise, callback, spread = false) {
  if (typeof callback !== 'function') return promise;
  promise.then(
    (value) => process.nextTick(() => (spread ? callback(null, ...value) : callback(null, value))),
    (error) => process.nextTick(() => callback(error)),
  );
  return undefined;
}

function Store(dir) {
  this.dir = dir;
}

Store.prototype.load = function (name, cb) {
  return settleCallback((async () => {
    const text = await fsp.readFile(this.dir + '/' + name, 'utf8');
    return text.length;
  })(), cb);
};

const other = { load: function (name, cb) { setTimeout(function () { cb(null, 'other ' + name); }, 1); } };

Store.prototype.peek = function (name, cb) {
  var self = this;
  if (name === 'other') self = other;
  self.load(name, function (err, value) {
    if (err) return cb(err);
    cb(null, value);
  });
};

const store = new Store('.');
store.peek('other', function (err, value) {
  console.log('peek:', err, value);
});
