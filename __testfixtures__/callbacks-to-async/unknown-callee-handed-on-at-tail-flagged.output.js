// Checks: a callback API hands its own callback to a function awaitify knows nothing of, as the
// last thing a path does (`return store.load(key, cb)` in an operation's callback). The callee
// is taken as an unknown callee (timing/unknown-callee handedOnAssumed, flagged at the call):
// assumed to call back once, asynchronously, with as many values as the function's own
// `cb(null, …)` pass (one). This one does, so the program prints the same.
const fsp = require('fs/promises');

// awaitify: a promise of what an error-first callback receives (rejects on any truthy error).
function fromCallback(start) {
  return new Promise((resolve, reject) => {
    start((err, ...values) => (err ? reject(err) : resolve(values)));
  });
}

function makeStore() {
  return {
    load(key, cb) {
      setImmediate(() => cb(null, `loaded ${key}`));
    },
  };
}
const store = makeStore();

async function read(file, key) {
  try {
    await fsp.stat(file);
  } catch (err) {
    const [value] = await fromCallback((done) => store.load(key, done));
    return value;
  }

  return 'found ' + file;
}

(async () => {
  let err = null;
  let value;
  try {
    value = await read(__filename, 'a');
  } catch (caught) {
    err = caught;
  }
  console.log('existing:', err, value);
  (async () => {
    let err = null;
    let value;
    try {
      value = await read(__filename + '.missing', 'b');
    } catch (caught) {
      err = caught;
    }
    console.log('missing:', err, value);
  })();
  console.log('after second read');
})();

console.log('after first read');
