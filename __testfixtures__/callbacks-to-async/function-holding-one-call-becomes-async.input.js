// Checks: a function that is no callback API and holds nothing but one converted call
// becomes the async function itself (no async IIFE inside it) when every call of it drops
// its value: `report` and `logSize`. `sizeOf` returns its value to a caller that uses it: it
// keeps the async IIFE. `announce` runs a statement before the call, where a throw reached its
// caller at once (a caller may catch it; a rejection nobody awaits it could not): it keeps its
// IIFE too. The code after each call still runs before the continuation.
const fs = require('fs');

fs.writeFileSync('a.txt', 'alpha');

function report(name) {
  fs.readFile(name, 'utf8', (err, text) => {
    if (err) return console.log('failed', name, err.code);
    console.log('read', name, text.length);
  });
}

function logSize(name) {
  fs.stat(name, (err, stats) => {
    if (err) return console.log('no size', name);
    report(name);
    console.log('size', name, stats.size);
  });

  function unused() {}
}

function sizeOf(name) {
  fs.stat(name, (err, stats) => {
    console.log('sizeOf', name, !!stats);
  });
}

function announce(name) {
  console.log('announce', name);
  fs.access(name, (err) => {
    console.log('access', name, !err);
  });
}

report('a.txt');
report('missing.txt');
logSize('a.txt');
console.log('value', sizeOf('a.txt'));
announce('a.txt');
console.log('started');
