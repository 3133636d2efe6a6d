// Checks: a callback API that calls back from a timer becomes an async function that awaits
// setTimeout from timers/promises and then runs the timer's body (the macrotask is kept: the
// continuation runs right after the timer fires, before the next timer); setImmediate in the
// last branch of an `if` alike. Timers of other code keep their order around it.
const fs = require('fs');

function readLater(file, ms, cb) {
  console.log('waiting', ms);
  setTimeout(() => {
    fs.readFile(file, 'utf8', (err, text) => {
      if (err) return cb(err);
      cb(null, text.split('\n')[0]);
    });
  }, ms);
}

function settle(value, cb) {
  if (value < 0) {
    cb(new Error('negative'));
  } else {
    setImmediate(() => cb(null, value * 2));
  }
}

readLater('input.txt', 100, (err, line) => {
  console.log('readLater:', err ? err.code : line);
});
// The immediates start from a timer's callback: the check phase of that same turn runs them
// before any later timer (started at the top level, a loaded machine could let the 20 ms timer
// fire before the first check phase).
setTimeout(() => {
  console.log('timer at 20');
  settle(21, (err, doubled) => {
    console.log('settle:', err ? err.message : doubled);
    settle(-1, (err) => {
      console.log('settle -1:', err.message);
    });
  });
  setImmediate(() => console.log('immediate after settle'));
}, 20);
setTimeout(() => console.log('timer at 400'), 400);
console.log('started');
