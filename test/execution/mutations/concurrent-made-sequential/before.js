// Original: two 60 ms operations run side by side and are joined by a counter, so both are
// done (at ~60 ms) before the 90 ms checkpoint timer. Timers only: the order is fixed
// however loaded the machine is (both 60 ms timers expire before the 90 ms one).
function slowDouble(n, cb) {
  setTimeout(() => cb(null, n * 2), 60);
}

const results = [];
let pending = 2;
function done() {
  console.log('both done:', results.join(','));
}
slowDouble(1, (err, value) => {
  if (err) throw err;
  results[0] = value;
  if (--pending === 0) done();
});
slowDouble(2, (err, value) => {
  if (err) throw err;
  results[1] = value;
  if (--pending === 0) done();
});
setTimeout(() => console.log('checkpoint at 90 ms'), 90);
process.nextTick(() => console.log('nextTick'));
Promise.resolve().then(() => console.log('promise job'));
console.log('both started');
