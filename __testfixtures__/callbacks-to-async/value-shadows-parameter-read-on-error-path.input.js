// Checks: a callback value named like a parameter of the function around the call, read by a
// body that also runs on the error path (the error is captured, not returned on). There the
// callback's `text` was undefined; setting the parameter instead of a new binding would print
// the parameter's old value. The value gets a binding of its own.
const fs = require('fs');

function reread(name, text) {
  fs.readFile(name, 'utf8', (err, text) => {
    console.log('reread', name, err && err.code, text);
  });
}

function rereadIgnoringErrors(name, text) {
  fs.readFile(name, 'utf8', (_err, text) => {
    console.log('reread, errors ignored', name, text);
  });
}

reread('missing.txt', 'before');
rereadIgnoringErrors('missing.txt', 'before');
reread('input.txt', 'before');
