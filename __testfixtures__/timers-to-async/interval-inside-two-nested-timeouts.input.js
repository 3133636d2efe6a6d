// Checks: a cleared setInterval started inside a two-deep setTimeout chain converts in the same
// run as the chain (it used to take a second run: the paths under the rewritten chain kept
// scopes read before the move, so its clearInterval went unseen). Found by the fuzzer
// (test/fuzz, seed 1036).
const log = (message) => console.log(message);

setTimeout(() => {
  log('first timeout');
  setTimeout(() => {
    log('second timeout');
    let ticks = 0;
    const poller = setInterval(() => {
      ticks += 1;
      log(`tick ${ticks}`);
      if (ticks === 2) {
        clearInterval(poller);
        log('stopped');
      }
    }, 10);
    log('interval started');
  }, 10);
}, 10);
log('scheduled');
