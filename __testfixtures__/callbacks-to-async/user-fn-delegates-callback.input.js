// Checks: a function that hands its callback on (`fs.readFile(p, 'utf8', cb)`) becomes an
// async function that awaits the read; its caller awaits it.
const fs = require('fs');

function readText(path, cb) {
  console.log('reading', path);
  fs.readFile(path, 'utf8', cb);
}

readText('other.txt', (err, text) => {
  if (err) {
    console.log('failed:', err.code);
    return;
  }
  console.log('other.txt has', text.split('\n').length, 'lines');
});
console.log('after readText call');
