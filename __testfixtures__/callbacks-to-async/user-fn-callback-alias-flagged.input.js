// Checks: a callback renamed with a no-op default (`var callback = cb || function () {}`, as in
// nedb) is the callback itself: the function converts, `callback(…)` becomes return/throw, and
// a call without a callback now gets the promise (reported), called with one it still calls back.
// The empty-text path called back synchronously: converted and flagged (--strict refuses it).
const fs = require('fs');

function Db(file) {
  this.file = file;
}

Db.prototype.persist = function (text, cb) {
  var self = this
    , callback = cb || function () {}
    ;

  if (text.length === 0) { return callback(null); }
  fs.writeFile(self.file, text, function (err) {
    if (err) { return callback(err); }
    console.log('persisted', self.file);
    return callback(null);
  });
};

const db = new Db('out.txt');
db.persist('hello', function (err) {
  console.log('persist:', err);
  new Db('missing/out.txt').persist('x', function (err) {
    console.log('missing dir:', err.code);
  });
});
console.log('after persist call');
