// Checks: methods of an object literal assigned to a constructor's prototype
// (`Queue.prototype = { … }`) are tried like `Queue.prototype.m = function`; `this.m(…)` in a
// sibling method is awaited, and a caller outside still passes a callback (dual API).
const fs = require('fs');

function Queue(file) {
  this.file = file;
}

Queue.prototype = {
  size: function (cb) {
    fs.stat(this.file, function (err, stat) {
      if (err) return cb(err);
      cb(null, stat.size);
    });
  },
  describe: function (cb) {
    this.size(function (err, size) {
      if (err) return cb(err);
      cb(null, 'size ' + size);
    });
  },
};

new Queue('config.json').describe(function (err, text) {
  console.log(err ? err.code : text);
});
console.log('started');
