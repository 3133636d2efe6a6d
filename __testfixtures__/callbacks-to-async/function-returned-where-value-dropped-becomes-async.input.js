// Checks: a function that holds nothing but one converted call becomes the async function
// itself when every call of it drops its value, also through a `return`: `mkDir` is returned
// from a callback of fs.exists, which stays as it is (Node never reads what a callback returns) and from the callback
// handed to `isWritable`, whose parameter is only called as `return done(…)`, a value nobody
// reads either. `makeLink` is returned to `check`, which logs what it got: it keeps its IIFE.
const fs = require('fs');

fs.writeFileSync('a.txt', 'alpha');

function mkDir(dir) {
  fs.mkdir(dir, (err) => {
    if (err) return console.log('mkdir failed', dir, err.code);
    console.log('made', dir);
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
    console.log('exists', dir);
  });
}

function makeLink(target, link) {
  fs.symlink(target, link, (err) => {
    console.log('symlink', link, err ? err.code : 'ok');
  });
}

function check(make) {
  console.log('check got', typeof make('a.txt', 'b.txt'));
}

fs.exists('a.txt', (exists) => {
  if (exists) return mkDir('d1');
  console.log('no a.txt');
});
onDir('d2');
onDir('a.txt');
check(function (target, link) {
  return makeLink(target, link);
});
setTimeout(() => console.log('timer'), 0);
setImmediate(() => console.log('immediate'));
process.nextTick(() => console.log('tick'));
Promise.resolve().then(() => console.log('promise job'));
console.log('started');
