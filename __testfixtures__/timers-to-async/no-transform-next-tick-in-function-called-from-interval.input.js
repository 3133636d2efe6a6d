// Checks (refusal): the interval's last tick calls a local function that calls back through
// process.nextTick, then schedules a promise job. In the timer callback the tick runs first;
// in the loop the callback body becomes, the tick would run after the promise job. So the
// interval is left as is, like a nextTick written in its body. Found by the fuzzer (test/fuzz,
// seed 20261291).
// awaitify-fixture: options {"strict": true}
function check(input, cb) {
  process.nextTick(() => {
    if (input < 0) return cb(new Error('negative input'));
    cb(null, input * 2);
  });
}

let ticks = 0;
const poller = setInterval(() => {
  ticks += 1;
  console.log('tick', ticks);
  if (ticks === 2) {
    clearInterval(poller);
    check(-1, (err) => {
      if (err) console.log('check failed:', err.message);
    });
    Promise.resolve().then(() => console.log('promise job'));
  }
}, 20);
console.log('interval started');
