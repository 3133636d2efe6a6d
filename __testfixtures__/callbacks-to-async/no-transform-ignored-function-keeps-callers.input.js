// Checks (opt-out, issue #15 item 6): `// awaitify-ignore-next-line` above a callback function
// keeps it callback-style, and its callers keep calling it with callbacks: `readTitle`, which
// hands its error on to `cb`, stays as it is too, and nothing becomes an async IIFE.
const fs = require('fs');

fs.writeFileSync('doc.txt', 'Title\nbody');

// awaitify-ignore-next-line
function readFirstLine(name, cb) {
  fs.readFile(name, 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text.split('\n')[0]);
  });
}

function readTitle(name, cb) {
  readFirstLine(name, (err, line) => {
    if (err) return cb(err);
    cb(null, line.toUpperCase());
  });
}

readTitle('doc.txt', (err, title) => console.log('title', err, title));
console.log('started');
