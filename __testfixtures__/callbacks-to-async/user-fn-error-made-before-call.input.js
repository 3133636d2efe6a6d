// Checks: `cb(e)` where an earlier statement of the same block made `e` an error (a `var`
// with `new Error`, or an assignment to a variable declared above), with only property
// writes in between, becomes `throw e`; the `var` in the callback body hoists into the async
// function, whose other code never names it. A call in between could have changed the
// variable, and a `var` of the callback body whose name the function uses outside it would
// become that other binding: those functions stay callback-style.
const fs = require('fs');

function readConfig(file, options, cb) {
  var err;
  fs.readFile(file, 'utf8', function (er, text) {
    if (er) return cb(er);
    if (!options.name) {
      err = new Error('a name is needed');
      err.code = 'ENONAME';
      return cb(err);
    }
    if (text.length === 0) {
      var e = new Error('empty config ' + options.name);
      e.file = file;
      e.empty = true;
      return cb(e);
    }
    cb(null, text.trim());
  });
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
readConfig('config.txt', { name: 'x' }, function (err, text) {
  console.log('config:', err, text);
  readConfig('config.txt', {}, function (err) {
    console.log('no name:', err.message, err.code);
    readConfig('empty.txt', { name: 'y' }, function (err) {
      console.log('empty:', err.message, err.file, err.empty);
      readConfig('missing.txt', { name: 'z' }, function (err) {
        console.log('missing:', err.code);
        readLast('config.txt', function (err) {
          console.log('last:', err);
          sizeOf('config.txt', function (err, size) {
            console.log('size:', err, size);
          });
        });
      });
    });
  });
});
console.log('after the first call');
process.nextTick(() => console.log('tick after the first call'));
Promise.resolve().then(() => console.log('promise job after the first call'));
