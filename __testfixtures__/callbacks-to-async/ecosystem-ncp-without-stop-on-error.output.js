// Checks: ncp 2 without stopOnError and with clobber false collects the errors and calls back
// once at the end, with the list or null: converted through util.promisify when the options are
// an object literal saying so, or a local variable set to one and read nowhere else.
// `cb(errList[0])`, a property read of what the operation gave, passes on as
// `if (errList[0]) throw errList[0]; return;`.
// awaitify-fixture: options {"dependencies": {"ncp": "~2.0.0"}}
const fs = require('fs');
const ncp = require('ncp').ncp;

const { promisify } = require('util');

const ncpAsync = promisify(ncp);
// awaitify: the dual API of converted functions (callback when given, else the promise).
function settleCallback(promise, callback, values = 1) {
  if (typeof callback !== 'function') return promise;
  promise.then(
    (value) => process.nextTick(() => (values === 1 ? callback(null, value) : values === 0 ? callback(null) : callback(null, ...value))),
    (error) => process.nextTick(() => callback(error)),
  );
  return undefined;
}

function copyTree(source, dest, cb) {
  return settleCallback(copyTreeAsync(source, dest), cb);
}

async function copyTreeAsync(source, dest) {
  var options = { clobber: false, limit: 4 };
  try {
    await ncpAsync(source, dest, options);
  } catch (errList) {
    if (errList[0]) throw errList[0];
    return;
  }

  return fs.readdirSync(dest).sort();
}

function copyAll(source, dest, cb) {
  return settleCallback(copyAllAsync(source, dest), cb, 0);
}

async function copyAllAsync(source, dest) {
  await ncpAsync(source, dest, { clobber: false });
}

module.exports = { copyTree, copyAll };

(async () => {
  let err = null;
  let names;
  try {
    names = await copyTree('data', 'data-copy');
  } catch (caught) {
    err = caught;
  }
  console.log('copied:', err, names);
  (async () => {
    let err = null;
    try {
      await copyTree('nope', 'nope-copy');
    } catch (caught) {
      err = caught;
    }
    console.log('no source:', err.code);
    (async () => {
      let err = null;
      try {
        await copyAll('data', 'data-copy-2');
      } catch (caught) {
        err = caught;
      }
      console.log('all:', err, fs.readdirSync('data-copy-2').length);
    })();
  })();
})();

console.log('started');
