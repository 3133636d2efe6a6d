// Checks: a wrapper whose callback neither resolves nor rejects on its error path never
// settles; the promise API would reject. Left as is.
const fs = require('fs');

function readQuietly(file) {
  return new Promise((resolve, reject) => {
    fs.readFile(file, 'utf8', (err, text) => {
      if (err) return;
      resolve(text);
    });
  });
}

readQuietly('input.txt').then((text) => console.log('read', text.length));
readQuietly('missing.txt').then(() => console.log('never printed'));
