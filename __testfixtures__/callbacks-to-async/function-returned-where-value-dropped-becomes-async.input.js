// Checks: a function that holds nothing but one converted call becomes the async function
// itself when every call of it drops its value, also through a `return`: `mkDir` is returned
// from the callback handed to `isWritable`, whose parameter is only called as `return
// done(…)`, a value nobody reads. It is also returned from a callback of fs.exists, which now
// converts into an async IIFE whose promise is dropped: what it returns goes nowhere either, so
// mkDir becomes async as well. `makeLink` is returned to `check`, which logs
// what it got, and from a function kept in a variable, whose callers cannot be followed: it
// keeps its IIFE. The steps run one after another (`done` starts the next), so that no two
// operations race; the code after each call still runs before the continuation.
const fs = require('fs');

fs.writeFileSync('a.txt', 'alpha');

const steps = [
  () => onDir('a.txt'),
  () => fs.exists('a.txt', (exists) => {
    if (exists) return mkDir('d1');
    finish('no a.txt');
  }),
  () => check(function (target, link) {
    return makeLink(target, link);
  }),
  () => relink('a.txt', 'c.txt'),
];

function finish(...values) {
  console.log(...values);
  const step = steps.shift();
  if (step) step();
  console.log('after step');
}

function mkDir(dir) {
  fs.mkdir(dir, (err) => {
    if (err) return finish('mkdir failed', dir, err.code);
    finish('made', dir);
  });
}

function isWritable(path, done) {
  fs.lstat(path, (err) => {
    if (err) return done(true);
    return done(false);
  });
}

function onDir(dir) {
  isWritable(dir, function (writable) {
    if (writable) return mkDir(dir);
    finish('exists', dir);
  });
}

function makeLink(target, link) {
  fs.symlink(target, link, (err) => {
    finish('symlink', link, err ? err.code : 'ok');
  });
}

function check(make) {
  console.log('check got', typeof make('a.txt', 'b.txt'));
}

var relink = function (target, link) {
  return makeLink(target, link);
};

onDir('d2');
process.nextTick(() => console.log('tick'));
Promise.resolve().then(() => console.log('promise job'));
console.log('started');
