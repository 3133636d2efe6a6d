// Checks: a cleared setInterval started inside a two-deep setTimeout chain converts in the same
// run as the chain (it used to take a second run: the paths under the rewritten chain kept
// scopes read before the move, so its clearInterval went unseen). Found by the fuzzer
// (test/fuzz, seed 1036).
function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const log = (message) => console.log(message);

(async () => {
  await delay(10);
  log('first timeout');
  await delay(10);
  log('second timeout');
  let ticks = 0;

  (async () => {
    while (true) {
      await delay(10);
      ticks += 1;
      log(`tick ${ticks}`);
      if (ticks === 2) {
        log('stopped');
        break;
      }
    }
  })();
  log('interval started');
})();
log('scheduled');
