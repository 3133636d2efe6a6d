// Checks: methods of a class that take a callback become async behind the dual API (instances
// travel, so callers anywhere may still pass a callback); `this.load(…)` inside the class is
// awaited, and `this` keeps its meaning.
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

class Store {
  constructor(dir) {
    this.dir = dir;
  }

  load(name, cb) {
    return settleCallback(loadAsync.call(this, name), cb);
  }

  loadName(name, cb) {
    return settleCallback(loadNameAsync.call(this, name), cb);
  }
}

async function loadAsync(name) {
  const text = await fsp.readFile(`${this.dir}/${name}`, 'utf8');
  return JSON.parse(text);
}

async function loadNameAsync(name) {
  const value = await this.load(name);
  return value.name;
}

const store = new Store('.');
store.loadName('config.json', (err, name) => {
  if (err) throw err;
  console.log('name:', name);
  store.load('missing.json', (err) => {
    console.log('missing.json:', err.code);
  });
});
console.log('after loadName call');
