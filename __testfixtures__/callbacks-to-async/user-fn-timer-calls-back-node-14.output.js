// Checks: below Node 16 (no timers/promises) a callback API that calls back from a timer
// awaits a small delay helper built on the global setTimeout instead, so the wait is still a
// real timer.
// awaitify-fixture: options {"nodeVersion": "14"}
function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function later(value, ms) {
  await delay(ms);
  return value;
}

(async () => {
  let value;
  try {
    value = await later('done', 200);
  } catch {}
  console.log('later:', value);
})();

setTimeout(() => console.log('timer at 20'), 20);
setTimeout(() => console.log('timer at 600'), 600);
console.log('started');
