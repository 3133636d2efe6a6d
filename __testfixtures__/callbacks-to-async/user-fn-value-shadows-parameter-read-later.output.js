// Checks: a callback whose value shadows a parameter that the call reads is left with its
// function when another function reads the parameter (`asked`, called from the callback): set
// in place of a new binding, it would give the callback's value, not the argument. describe
// keeps its callback (kindOf converts, and describe calls it through the dual API).
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

function kindOf(file, type, cb) {
  return settleCallback(kindOfAsync(file, type), cb);
}

async function kindOfAsync(file, type) {
  const stat = await fsp.stat(file);
  return type || (stat.isFile() ? 'file' : 'dir');
}

function describe(file, type, cb) {
  const asked = () => type;
  kindOf(file, type, (err, type) => {
    if (err) return cb(err);
    cb(null, `${file} is a ${type}, asked for ${asked()}`);
  });
}
module.exports = describe;

describe('input.txt', undefined, (err, label) => {
  console.log('no type:', err, label);
  describe('data', 'folder', (err, label) => console.log('given type:', err, label));
});
Promise.resolve().then(() => console.log('promise job'));
console.log('started');
