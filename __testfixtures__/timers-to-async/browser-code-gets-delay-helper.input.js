// Checks: a file with no sign of Node (no require, process or core module import) is browser
// code: the chain waits through a small delay helper built on the global setTimeout.
const log = (message) => console.log(message);

log('start');
setTimeout(() => {
  log('step 1');
  setTimeout((color) => {
    log(`step 2: ${color}`);
  }, 5, 'blue');
}, 5);
Promise.resolve().then(() => log('promise job'));
setTimeout(() => log('plain timer at 60 ms'), 60);
