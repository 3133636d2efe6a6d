'use strict';
// A small scheduler, timer by timer: a warm-up sequence of setTimeout steps, a heartbeat
// that ticks with setInterval until it has beaten three times, and a job retried with a
// growing delay until the (simulated) service answers. Each stage starts from the last
// callback of the one before, so the output is the same on every run.

function warmUp(done) {
  console.log('heartbeat: warming up');
  setTimeout(() => {
    console.log('heartbeat: step 1 of 3');
    setTimeout(() => {
      console.log('heartbeat: step 2 of 3');
      setTimeout(() => {
        console.log('heartbeat: step 3 of 3');
        done();
      }, 5);
      console.log('heartbeat: step 3 scheduled');
    }, 5);
  }, 5);
}

function beat(done) {
  let beats = 0;
  const timer = setInterval(() => {
    beats += 1;
    console.log('heartbeat: beat', beats);
    if (beats === 3) {
      clearInterval(timer);
      done();
    }
  }, 5);
}

let calls = 0;
function service() {
  calls += 1;
  return calls >= 3 ? 'ok' : null;
}

function attempt(n) {
  const answer = service();
  if (answer) {
    console.log('heartbeat: service answered', answer, 'on attempt', n);
    return;
  }
  console.log('heartbeat: attempt', n, 'got no answer, waiting', 2 ** n, 'ms');
  setTimeout(() => attempt(n + 1), 2 ** n);
}

warmUp(() => {
  beat(() => {
    attempt(1);
  });
});
process.nextTick(() => console.log('heartbeat: nextTick after the warm-up started'));
