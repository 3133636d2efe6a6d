// Checks: a callback handed to a function awaitify knows nothing of stays where the assumption
// of an unknown callee does not say enough, each refused (timing/callback-stored-or-escaping
// passedAway, or return-value-now-promise):
// - code of the function follows the hand-on on its path (`logLater` runs after it);
// - no call of `cb` in the function says how many values it takes (`copyAll`);
// - the function's own call-backs pass different numbers of values (`lookUp`);
// - the function returns what the callee returns (`openNow`: its callers may read it);
// - the callback goes into a queue (`enqueue`): stored, not called back.
const fs = require('fs');

function makeStore() {
  return {
    load(key, cb) {
      setImmediate(() => cb(null, 'loaded ' + key));
    },
    open(key, cb) {
      setImmediate(() => cb(null, key));
      return { key };
    },
  };
}
const store = makeStore();
const queue = [];

function logLater(key, cb) {
  fs.stat(__filename, function (err) {
    if (err) return cb(err);
    store.load(key, cb);
    console.log('handed on', key);
  });
}

function copyAll(key, cb) {
  fs.stat(__filename, function (err) {
    if (err) return cb(err);
    store.load(key, cb);
  });
}

function lookUp(key, cb) {
  fs.stat(__filename, function (err) {
    if (err) return cb(null);
    if (key === 'here') return cb(null, 'here', 1);
    store.load(key, cb);
  });
}

function openNow(key, cb) {
  if (!key) {
    return fs.stat(__filename, function (err) {
      if (err) return cb(err);
      cb(null, null);
    });
  }
  return store.open(key, cb);
}

function enqueue(key, cb) {
  queue.push(cb);
  setImmediate(() => queue.shift()(null, key));
}

logLater('a', (err, value) => console.log('logLater:', err, value));
copyAll('b', (err, value) => console.log('copyAll:', err, value));
lookUp('c', (err, value) => console.log('lookUp:', err, value));
console.log('openNow returned', openNow('d', (err, value) => console.log('openNow:', err, value)));
enqueue('e', (err, value) => console.log('enqueue:', err, value));
