// Checks: a call whose callback does nothing (`fs.close(fd, () => {})`,
// `fs.unlink(p, function () {})`) is left as it is: nothing waits for it, and its promise form
// would only add `.catch(() => {})` and an import to the diff. Inside a callback left
// callback-style (the function `closer` returns), on a descriptor that is open and on one that
// is not, and as an arrow's expression body. The call that reads its error
// (`fs.unlink('kept.txt', (err) => …)`) is still converted.
const fs = require('fs');

fs.writeFileSync('gone.txt', 'x');
fs.writeFileSync('kept.txt', 'y');

function closer(fd, label) {
  return function (er) {
    if (fd !== undefined) fs.close(fd, function () {});
    console.log('closer', label, er ? er.message : 'ok');
  };
}

const drop = (name) => fs.unlink(name, () => {});

const fd = fs.openSync('kept.txt', 'r');
closer(fd, 'open')(null);
closer(99999, 'bad fd')(new Error('failed'));
drop('gone.txt');
drop('missing.txt');
fs.unlink('kept.txt', (err) => {
  console.log('kept unlinked', !err);
});
// What the calls nobody waits for did, once all of them are done (not raced against a timer).
process.on('exit', () => console.log('exit', fs.existsSync('gone.txt'), fs.existsSync('kept.txt')));
process.nextTick(() => console.log('tick'));
Promise.resolve().then(() => console.log('promise job'));
console.log('started');
