// Checks: in an ES module the body runs inside a promise job, so the nextTick queued by the
// body runs after the promise jobs it queued; the chain's steps keep their places around both.
const log = (message) => console.log(message);

log(`node: ${typeof process.versions.node}`);
setTimeout(() => {
  log('step 1');
  process.stdout.write('');
  setTimeout(() => {
    log('step 2');
  }, 5);
}, 50);
process.nextTick(() => log('next tick'));
Promise.resolve().then(() => log('promise job'));
setImmediate(() => log('immediate'));
