// Checks: a callback API that calls back from a timer becomes an async function that awaits
// setTimeout from timers/promises and then runs the timer's body (the macrotask is kept: the
// continuation runs right after the timer fires, before the next timer); setImmediate in the
// last branch of an `if` alike. Timers of other code keep their order around it.
const fsp = require('fs/promises');
const { setTimeout: delay, setImmediate: immediate } = require('timers/promises');

async function readLater(file, ms) {
  console.log('waiting', ms);
  await delay(Number(ms));
  const text = await fsp.readFile(file, 'utf8');
  return text.split('\n')[0];
}

async function settle(value) {
  if (value < 0) {
    throw new Error('negative');
  } else {
    await immediate();
    return value * 2;
  }
}

(async () => {
  let err = null;
  let line;
  try {
    line = await readLater('input.txt', 100);
  } catch (caught) {
    err = caught;
  }
  console.log('readLater:', err ? err.code : line);
})();

// The immediates start from a timer's callback: the check phase of that same turn runs them
// before any later timer (started at the top level, a loaded machine could let the 20 ms timer
// fire before the first check phase).
setTimeout(() => {
  console.log('timer at 20');
  (async () => {
    let err = null;
    let doubled;
    try {
      doubled = await settle(21);
    } catch (caught) {
      err = caught;
    }
    console.log('settle:', err ? err.message : doubled);
    (async () => {
      let err = null;
      try {
        await settle(-1);
      } catch (caught) {
        err = caught;
      }
      console.log('settle -1:', err.message);
    })();
  })();
  setImmediate(() => console.log('immediate after settle'));
}, 20);
setTimeout(() => console.log('timer at 400'), 400);
console.log('started');
