// Checks: methods assigned to a constructor's prototype (`Store.prototype.load = function`) that
// take a callback become async behind the dual API (instances travel, so outside callers may
// still pass a callback); `this.load(…)` and `self.load(…)` after `var self = this` inside the
// constructor's own methods are awaited, and `this` keeps its meaning.
const fs = require('fs');

function Store(dir) {
  this.dir = dir;
}

Store.prototype.load = function (name, cb) {
  fs.readFile(this.dir + '/' + name, 'utf8', function (err, text) {
    if (err) return cb(err);
    cb(null, JSON.parse(text));
  });
};

Store.prototype.loadName = function (name, cb) {
  this.load(name, function (err, value) {
    if (err) return cb(err);
    cb(null, value.name);
  });
};

Store.prototype.loadBoth = function (first, second, cb) {
  var self = this;
  self.loadName(first, function (err, a) {
    if (err) return cb(err);
    self.loadName(second, function (err, b) {
      if (err) return cb(err);
      cb(null, a + '+' + b);
    });
  });
};

const store = new Store('.');
store.loadBoth('config.json', 'config.json', function (err, names) {
  if (err) throw err;
  console.log('names:', names);
  store.load('missing.json', function (err) {
    console.log('missing.json:', err.code);
  });
});
console.log('after loadBoth call');
