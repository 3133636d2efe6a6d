// Checks: two reads in a pyramid whose inner success path starts a cleared setInterval. This
// transform moves the interval into the async flow; with every transform (the default run,
// test/execution/all-transforms.test.ts) timers-to-async then turns it into a loop in the same
// run: it used to take a second run, as the paths under the moved code kept scopes read
// before the move. Found by the fuzzer (test/fuzz, seed 1243).
const fsp = require('fs/promises');

(async () => {
  const text = await fsp.readFile('input.txt', 'utf8');
  console.log('read', text.length, 'chars');
  const otherPromise = fsp.readFile('missing.txt', 'utf8');
  console.log('after the second call');
  let err = null;
  let other;
  try {
    other = await otherPromise;
  } catch (caught) {
    err = caught;
  }
  if (err) {
    console.log('second read failed:', err.code);
  }
  let ticks = 0;
  const poller = setInterval(() => {
    ticks += 1;
    console.log('tick', ticks, other === undefined ? 'without' : 'with', 'the second file');
    if (ticks === 2) {
      clearInterval(poller);
      console.log('stopped');
    }
  }, 10);
  console.log('interval started');
})();
console.log('after the first call');
