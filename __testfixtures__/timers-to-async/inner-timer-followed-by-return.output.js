// Checks: an inner timer followed by code that may return cannot start-then-await in the
// flow (the return would skip the await); it gets its own async IIFE inside the flow. The
// timers are chained (each is started by the one before), so their order needs no margin.
function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const log = (message) => console.log(message);
let skip = false;

(async () => {
  await delay(5);
  log('outer');

  (async () => {
    await delay(5);
    log('inner still runs');
    await delay(5);
    skip = true;
    log('second outer');
    setTimeout(() => log('second inner'), 5);
    if (skip) return;
    log('not printed');
  })();
  if (skip) return;
  log('after inner call');
})();
