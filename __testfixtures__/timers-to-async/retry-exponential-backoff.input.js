// Checks: retry with exponential backoff by recursion through setTimeout becomes a loop in an
// async function: the first attempt still runs inside the call, before the code after it;
// each later attempt runs when its timer fires, with the delay computed as before.
const log = (message) => console.log(message);
const BASE = 5;
let calls = 0;

function tryOnce() {
  calls += 1;
  return calls >= 3;
}

function attempt(n) {
  log(`attempt ${n}`);
  if (tryOnce()) {
    log(`succeeded after ${n + 1} attempts`);
    return;
  }
  if (n >= 5) {
    log('giving up');
    return;
  }
  const tried = n;
  Promise.resolve().then(() => log(`promise job after attempt ${tried}`));
  setTimeout(() => attempt(n + 1), BASE * 2 ** n);
}

attempt(0);
log('after the first attempt');
process.nextTick(() => log('next tick'));
setTimeout(() => log('plain timer at 10 ms'), 10);
