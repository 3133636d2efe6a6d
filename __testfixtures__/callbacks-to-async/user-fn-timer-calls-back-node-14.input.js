// Checks: below Node 16 (no timers/promises) a callback API that calls back from a timer
// awaits a small delay helper built on the global setTimeout instead, so the wait is still a
// real timer.
// awaitify-fixture: options {"nodeVersion": "14"}
function later(value, ms, cb) {
  setTimeout(() => cb(null, value), ms);
}

later('done', 200, (err, value) => {
  console.log('later:', value);
});
setTimeout(() => console.log('timer at 20'), 20);
setTimeout(() => console.log('timer at 600'), 600);
console.log('started');
