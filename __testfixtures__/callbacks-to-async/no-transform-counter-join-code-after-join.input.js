// Checks (refusal): code runs in the item callback after the join called back, so the join
// cannot become a return after Promise.all (timing/code-after-callback-call or a refusal of
// the function as a whole).
const fs = require('fs');

function readAll(files, cb) {
  let pending = files.length;
  files.forEach((file) => {
    fs.readFile(file, 'utf8', (err) => {
      if (err) return cb(err);
      if (--pending === 0) cb(null);
      console.log('item done', file);
    });
  });
}

readAll(['input.txt'], () => console.log('all done'));
