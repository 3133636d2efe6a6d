// Checks: setTimeout and setImmediate nested in each other become one flow with both kinds
// of await; a plain timer and immediate started after the chain keep their relative order.
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
setImmediate(() => log('plain immediate'));
Promise.resolve().then(() => log('promise job'));
