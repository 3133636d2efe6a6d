// Checks (refusal): recursion through a step function with a parameter (`step(i + 1)`) is not
// rewritten into a loop (closures could see one shared variable where each call had its own),
// so the callback function is left as it is.
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

readEach(['input.txt', 'other.txt'], (err) => {
  if (err) throw err;
  console.log('done');
});
