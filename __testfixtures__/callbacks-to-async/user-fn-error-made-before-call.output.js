// Checks: `cb(e)` where an earlier statement of the same block made `e` an error (a `var`
// with `new Error`, or an assignment to a variable declared above), with only property
// writes in between, becomes `throw e`; the `var` in the callback body hoists into the async
// function, whose other code never names it. A call in between could have changed the
// variable, and a `var` of the callback body whose name the function uses outside it would
// become that other binding: those functions stay callback-style.
const fs = require('fs');
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

function readConfig(file, options, cb) {
  return settleCallback(readConfigAsync(file, options), cb);
}

async function readConfigAsync(file, options) {
  var err;
  const text = await fsp.readFile(file, 'utf8');
  if (!options.name) {
    err = new Error('a name is needed');
    err.code = 'ENONAME';
    throw err;
  }
  if (text.length === 0) {
    var e = new Error('empty config ' + options.name);
    e.file = file;
    e.empty = true;
    throw e;
  }
  return text.trim();
}

var last = null;
function forget() {
  last = null;
}

function readLast(file, cb) {
  fs.readFile(file, 'utf8', function (er, text) {
    if (er) return cb(er);
    last = new Error('last read ' + text.length);
    forget();
    cb(last);
  });
}
function sizeOf(file, cb) {
  var size = -1;
  fs.stat(file, function (er, st) {
    if (er) return cb(er);
    var size = st.size;
    cb(null, size);
  });
  console.log('size before the stat:', size);
}
module.exports = { readConfig, readLast, sizeOf };

fs.writeFileSync('config.txt', ' name=x \n');
fs.writeFileSync('empty.txt', '');

(async () => {
  let err = null;
  let text;
  try {
    text = await readConfig('config.txt', { name: 'x' });
  } catch (caught) {
    err = caught;
  }
  console.log('config:', err, text);
  (async () => {
    let err = null;
    try {
      await readConfig('config.txt', {});
    } catch (caught) {
      err = caught;
    }
    console.log('no name:', err.message, err.code);
    (async () => {
      let err = null;
      try {
        await readConfig('empty.txt', { name: 'y' });
      } catch (caught) {
        err = caught;
      }
      console.log('empty:', err.message, err.file, err.empty);
      (async () => {
        let err = null;
        try {
          await readConfig('missing.txt', { name: 'z' });
        } catch (caught) {
          err = caught;
        }
        console.log('missing:', err.code);
        readLast('config.txt', function (err) {
          console.log('last:', err);
          sizeOf('config.txt', function (err, size) {
            console.log('size:', err, size);
          });
        });
      })();
    })();
  })();
})();

console.log('after the first call');
process.nextTick(() => console.log('tick after the first call'));
Promise.resolve().then(() => console.log('promise job after the first call'));
