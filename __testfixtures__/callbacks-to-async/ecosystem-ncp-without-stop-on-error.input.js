// Checks: ncp 2 without stopOnError and with clobber false collects the errors and calls back
// once at the end, with the list or null: converted through util.promisify when the options are
// an object literal saying so, or a local variable set to one and read nowhere else.
// `cb(errList[0])`, a property read of what the operation gave, passes on as
// `if (errList[0]) throw errList[0]; return;`.
// awaitify-fixture: options {"dependencies": {"ncp": "~2.0.0"}}
const fs = require('fs');
const ncp = require('ncp').ncp;

function copyTree(source, dest, cb) {
  var options = { clobber: false, limit: 4 };
  ncp(source, dest, options, function (errList) {
    if (errList) return cb(errList[0]);
    cb(null, fs.readdirSync(dest).sort());
  });
}

function copyAll(source, dest, cb) {
  ncp(source, dest, { clobber: false }, function (err) {
    if (err) return cb(err);
    cb(null);
  });
}

module.exports = { copyTree, copyAll };

copyTree('data', 'data-copy', (err, names) => {
  console.log('copied:', err, names);
  copyTree('nope', 'nope-copy', (err) => {
    console.log('no source:', err.code);
    copyAll('data', 'data-copy-2', (err) => {
      console.log('all:', err, fs.readdirSync('data-copy-2').length);
    });
  });
});
console.log('started');
