// Checks: clearInterval in the middle of a tick: the rest of that tick still runs (as after
// clearInterval), so the loop checks a flag before its next wait instead of breaking at once.
function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const log = (message) => console.log(message);

let n = 0;

(async () => {
  let stopped = false;
  while (!stopped) {
    await delay(10);
    n += 1;
    if (n === 2) {
      stopped = true;
    }
    log(`tick ${n} ends`);
  }
})();

setTimeout(() => log('timer at 80 ms: no more ticks'), 80);
