// Checks: callback functions declared inside a module-level function (closures) convert too,
// callees first: `readSize` and `readBoth` become async functions, the enclosing `sizes`
// awaits them and becomes async in turn, and its caller awaits it. Code after a call that
// ran before the callback still runs before the continuation. The second run's async IIFE,
// the last statement of the first run's (whose promise is dropped), folds into it.
const fs = require('fs');

fs.writeFileSync('a.txt', 'alpha');
fs.writeFileSync('b.txt', 'be');
let unset; // a declaration with no value: no function to look into

function sizes(first, second, cb) {
  let reads = 0;

  function readSize(name, done) {
    reads++;
    fs.readFile(name, 'utf8', (err, text) => {
      if (err) return done(err);
      done(null, text.length);
    });
  }

  function readBoth(done) {
    readSize(first, (err, a) => {
      if (err) return done(err);
      readSize(second, (err, b) => {
        if (err) return done(err);
        done(null, a + b);
      });
    });
  }

  readBoth((err, total) => {
    if (err) return cb(err);
    cb(null, { total, reads });
  });
  console.log('reading', reads);
}

// The second run starts from the first one's callback: two runs at once would race their
// file reads, and the trace would depend on the thread pool.
sizes('a.txt', 'b.txt', (err, result) => {
  if (err) return console.log('error', err.code);
  console.log('sizes', result.total, result.reads);
  sizes('a.txt', 'missing.txt', (err) => console.log('error', err.code));
});
console.log('started');
