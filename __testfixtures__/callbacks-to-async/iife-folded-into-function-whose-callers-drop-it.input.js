// Checks: a function whose converted call was written as an async IIFE at its end becomes the
// async function itself when every caller drops its value and what runs before the call
// cannot throw: the callback handed to `isWritable` (whose `done` is only called with its value
// dropped) after `if (writable) return makeLink(…)` (makeLink is async by then, so its call
// cannot throw), and `describe` after `var label = name`. Kept as IIFEs: `shout`, whose
// `name.toUpperCase()` before the call could throw at once, into a caller that may catch it
// (a rejection of a dropped promise no catch would see); `sizeOf`, whose caller reads its value;
// `reread`, whose callback's `text` would clash with its parameter of the same name (before,
// the function itself was made async with `let text` beside that parameter: output that did
// not parse, and the whole file was left as it was).
const fs = require('fs');

fs.writeFileSync('a.txt', 'alpha');

function makeLink(target) {
  fs.symlink('a.txt', target, (err) => {
    if (err) return console.log('link failed', target, err.code);
    console.log('linked', target);
  });
}

function isWritable(path, done) {
  fs.lstat(path, (err) => {
    if (err) return done(err.code === 'ENOENT');
    done(false);
  });
}

function checkLink(target) {
  isWritable(target, function (writable) {
    if (writable) {
      return makeLink(target);
    }
    fs.readlink(target, (err, linked) => {
      if (err) return console.log('not a link', target, err.code);
      console.log('already linked', target, linked);
    });
  });
}

function describe(name) {
  var label = name;
  fs.stat(name, (err, stats) => {
    if (err) return console.log('describe failed', label, err.code);
    console.log('describe', label, stats.size);
  });
}

function shout(name) {
  var upper = name.toUpperCase();
  fs.access(name, (err) => {
    console.log('shout', upper, !err);
  });
}

function sizeOf(name) {
  fs.stat(name, (err, stats) => {
    console.log('sizeOf', name, !!stats);
  });
}

function reread(name, text) {
  fs.readFile(name, 'utf8', (err, text) => {
    console.log('reread', name, err ? err.code : text);
  });
}

checkLink('link.txt');
checkLink('a.txt');
describe('a.txt');
describe('missing.txt');
shout('a.txt');
console.log('value', sizeOf('a.txt'));
reread('a.txt', 'before');
process.nextTick(() => console.log('tick'));
Promise.resolve().then(() => console.log('promise job'));
console.log('started');
