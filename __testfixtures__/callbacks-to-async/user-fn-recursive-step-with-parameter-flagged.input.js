// Checks: recursion through a step function with a parameter (`step(i + 1)`) is no loop
// (closures could see one shared variable where each call had its own): the step becomes an
// async function that awaits itself, `return await step(i + 1)`, each call with its own `i`.
// The empty list called back synchronously (flagged).
const fs = require('fs');

function readEach(files, cb) {
  function step(i) {
    if (i === files.length) return cb(null);
    fs.readFile(files[i], 'utf8', (err, text) => {
      if (err) return cb(err);
      console.log(files[i], text.length);
      step(i + 1);
    });
  }
  step(0);
}

setImmediate(() => console.log('immediate'));
Promise.resolve().then(() => console.log('promise job'));
readEach(['input.txt', 'other.txt'], (err) => {
  if (err) throw err;
  console.log('done');
  readEach(['missing.txt'], (err) => {
    console.log('missing:', err.code);
    readEach([], (err) => console.log('empty:', err));
    console.log('after the empty call');
  });
});
