// Checks: methods assigned to a constructor's prototype (`Store.prototype.load = function`) that
// take a callback become async behind the dual API (instances travel, so outside callers may
// still pass a callback); `this.load(…)` and `self.load(…)` after `var self = this` inside the
// constructor's own methods are awaited, and `this` keeps its meaning.
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

function Store(dir) {
  this.dir = dir;
}

Store.prototype.load = function (name, cb) {
  return settleCallback(loadAsync.call(this, name), cb);
};

async function loadAsync(name) {
  const text = await fsp.readFile(this.dir + '/' + name, 'utf8');
  return JSON.parse(text);
}

Store.prototype.loadName = function (name, cb) {
  return settleCallback(loadNameAsync.call(this, name), cb);
};

async function loadNameAsync(name) {
  const value = await this.load(name);
  return value.name;
}

Store.prototype.loadBoth = function (first, second, cb) {
  return settleCallback(loadBothAsync.call(this, first, second), cb);
};

async function loadBothAsync(first, second) {
  var self = this;
  const a = await self.loadName(first);
  const b = await self.loadName(second);
  return a + '+' + b;
}

const store = new Store('.');
store.loadBoth('config.json', 'config.json', function (err, names) {
  if (err) throw err;
  console.log('names:', names);
  store.load('missing.json', function (err) {
    console.log('missing.json:', err.code);
  });
});
console.log('after loadBoth call');
