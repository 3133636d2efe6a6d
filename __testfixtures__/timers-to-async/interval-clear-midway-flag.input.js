// Checks: clearInterval in the middle of a tick: the rest of that tick still runs (as after
// clearInterval), so the loop checks a flag before its next wait instead of breaking at once.
const log = (message) => console.log(message);

let n = 0;
const timer = setInterval(() => {
  n += 1;
  if (n === 2) {
    clearInterval(timer);
  }
  log(`tick ${n} ends`);
}, 10);
setTimeout(() => log('timer at 80 ms: no more ticks'), 80);
