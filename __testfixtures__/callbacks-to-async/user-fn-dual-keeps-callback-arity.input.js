// Checks: the dual form of a converted function calls the callback with as many arguments as
// the original did: `cb(null)` stays one argument and two values stay two, so that a caller
// that hands every value on to its next step (async.waterfall does) sees the same steps.
const fs = require('fs');

function flush(file, cb) {
  fs.writeFile(file, 'flushed', function (err) {
    if (err) return cb(err);
    cb(null);
  });
}

function readWithSize(file, cb) {
  fs.readFile(file, 'utf8', function (err, text) {
    if (err) return cb(err);
    cb(null, text, text.length);
  });
}
module.exports = { flush, readWithSize };

// Hands the values of each step on to the next, as async.waterfall does.
function waterfall(steps, done) {
  var i = 0;
  var next = function (err) {
    var values = Array.prototype.slice.call(arguments, 1);
    console.log('step', i, 'called back with', arguments.length, 'arguments');
    if (err || i === steps.length) return done(err);
    steps[i++].apply(null, values.concat([next]));
  };
  steps[i++](next);
}

waterfall(
  [
    function (next) {
      flush('a.txt', next);
    },
    function (next) {
      readWithSize('a.txt', next);
    },
    function (text, size, next) {
      console.log('read', text, size);
      next(null);
    },
  ],
  function (err) {
    console.log('done', err);
  },
);
console.log('after the waterfall');
process.nextTick(() => console.log('tick after the waterfall'));
