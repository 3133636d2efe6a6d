// Checks: setTimeout and setImmediate nested in each other become one flow with both kinds
// of await; a plain zero-delay timer started beside the inner immediate keeps its place
// between the steps.
const log = (message) => console.log(message);

setTimeout(() => {
  log('timeout 1');
  setImmediate(() => {
    log('immediate inside timeout');
    setTimeout(() => {
      log('timeout 2');
    }, 5);
  });
  setTimeout(() => log('plain timeout 0 inside timeout 1'), 0);
}, 30);
Promise.resolve().then(() => log('promise job'));
