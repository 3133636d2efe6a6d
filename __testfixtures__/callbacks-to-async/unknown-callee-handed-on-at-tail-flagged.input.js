// Checks: a callback API hands its own callback to a function awaitify knows nothing of, as the
// last thing a path does (`return store.load(key, cb)` in an operation's callback). The callee
// is taken as an unknown callee (timing/unknown-callee handedOnAssumed, flagged at the call):
// assumed to call back once, asynchronously, with as many values as the function's own
// `cb(null, …)` pass (one). This one does, so the program prints the same.
const fs = require('fs');

function makeStore() {
  return {
    load(key, cb) {
      setImmediate(() => cb(null, `loaded ${key}`));
    },
  };
}
const store = makeStore();

function read(file, key, cb) {
  fs.stat(file, function (err) {
    if (err) return store.load(key, cb);
    cb(null, 'found ' + file);
  });
}

read(__filename, 'a', (err, value) => {
  console.log('existing:', err, value);
  read(__filename + '.missing', 'b', (err, value) => {
    console.log('missing:', err, value);
  });
  console.log('after second read');
});
console.log('after first read');
