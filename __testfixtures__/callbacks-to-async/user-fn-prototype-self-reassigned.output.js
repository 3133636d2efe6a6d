// Checks: `self.load(…)` is not taken for the prototype's own `load` when `self` is reassigned
// (it may be another object): that call is no call of the converted `load` (it goes through fromCallback). `load` itself converts.
const fsp = require('fs/promises');
const { setTimeout } = require('timers/promises');
// awaitify: the dual API of converted functions (callback when given, else the promise).
function settleCallback(promise, callback, values = 1) {
  if (typeof callback !== 'function') return promise;
  promise.then(
    (value) => process.nextTick(() => (values === 1 ? callback(null, value) : values === 0 ? callback(null) : callback(null, ...value))),
    (error) => process.nextTick(() => callback(error)),
  );
  return undefined;
}

function Store(dir) {
  this.dir = dir;
}

Store.prototype.load = function (name, cb) {
  return settleCallback(loadAsync.call(this, name), cb);
};

async function loadAsync(name) {
  const text = await fsp.readFile(this.dir + '/' + name, 'utf8');
  return text.length;
}

const other = { load: function (name, cb) {
  return settleCallback(pendingLoad(name), cb);
} };

async function pendingLoad(name) {
  await setTimeout(1);
  return 'other ' + name;
}

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
