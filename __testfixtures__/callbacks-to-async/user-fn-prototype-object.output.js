// Checks: methods of an object literal assigned to a constructor's prototype
// (`Queue.prototype = { … }`) are tried like `Queue.prototype.m = function`; `this.m(…)` in a
// sibling method is awaited, and a caller outside still passes a callback (dual API).
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

function Queue(file) {
  this.file = file;
}

Queue.prototype = {
  size: function (cb) {
    return settleCallback(sizeAsync.call(this), cb);
  },
  describe: function (cb) {
    return settleCallback(describeAsync.call(this), cb);
  },
};

async function sizeAsync() {
  const stat = await fsp.stat(this.file);
  return stat.size;
}

async function describeAsync() {
  const size = await this.size();
  return 'size ' + size;
}

new Queue('config.json').describe(function (err, text) {
  console.log(err ? err.code : text);
});
console.log('started');
