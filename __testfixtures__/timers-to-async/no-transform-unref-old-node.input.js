// Checks: with engines.node allowing Node 14 (no timers/promises), an unref'd chain is left as
// is: the local delay helper has no `{ ref: false }`.
// awaitify-fixture: options {"minNodeMajor": 14}
const log = (message) => console.log(message);

const keepAlive = setTimeout(() => log('keep-alive fired (never)'), 5000);
setTimeout(() => {
  log('step 1');
  setTimeout(() => {
    log('step 2');
    clearTimeout(keepAlive);
  }, 5);
}, 5).unref();
