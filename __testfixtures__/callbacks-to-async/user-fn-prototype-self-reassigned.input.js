// Checks: `self.load(…)` is not taken for the prototype's own `load` when `self` is reassigned
// (it may be another object): that call is no call of the converted `load` (it goes through fromCallback). `load` itself converts.
const fs = require('fs');

function Store(dir) {
  this.dir = dir;
}

Store.prototype.load = function (name, cb) {
  fs.readFile(this.dir + '/' + name, 'utf8', function (err, text) {
    if (err) return cb(err);
    cb(null, text.length);
  });
};

const other = { load: function (name, cb) { setTimeout(function () { cb(null, 'other ' + name); }, 1); } };

Store.prototype.peek = function (name, cb) {
  var self = this;
  if (name === 'other') self = other;
  self.load(name, function (err, value) {
    if (err) return cb(err);
    cb(null, value);
  });
};

const store = new Store('.');
store.peek('other', function (err, value) {
  console.log('peek:', err, value);
});
