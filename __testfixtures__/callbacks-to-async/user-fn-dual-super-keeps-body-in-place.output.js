// Checks: a method whose body reads `super` cannot move into an async function of its own
// beside the class: its dual form keeps the body in place; a method that reads only `this`
// moves into `<name>Async`, called with `.call(this, …)`.
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

class Base {
  prefix() {
    return 'base:';
  }
}

class Reader extends Base {
  constructor(dir) {
    super();
    this.dir = dir;
  }

  prefix() {
    return 'reader:';
  }

  label(name, cb) {
    return settleCallback((async () => {
      const text = await fsp.readFile(`${this.dir}/${name}`, 'utf8');
      return super.prefix() + text.trim();
    })(), cb);
  }

  plain(name, cb) {
    return settleCallback(plainAsync.call(this, name), cb);
  }
}

async function plainAsync(name) {
  const text = await fsp.readFile(`${this.dir}/${name}`, 'utf8');
  return this.prefix() + text.trim();
}

const reader = new Reader('.');
reader.label('input.txt', (err, text) => {
  console.log('label:', err ? err.code : text);
  reader.plain('input.txt', (err, text) => {
    console.log('plain:', err ? err.code : text);
    reader.plain('missing.txt', (err) => {
      console.log('missing:', err.code);
    });
  });
});
console.log('started');
