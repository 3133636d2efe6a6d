// Checks: a delay from a numeric const is passed as it is; a delay from a parameter might be
// a string (setTimeout converts '60' to 60, timers/promises would reject it), so it is passed
// through Number(). One chain only: two chains started side by side would race on the clock.
const { setTimeout } = require('timers/promises');

const log = (message) => console.log(message);
const WAIT = 5;

function later(ms) {
  (async () => {
    await setTimeout(Number(ms));
    log(`waited ${ms}`);
    await setTimeout(WAIT);
    log(`waited ${WAIT} more`);
  })();
}

later('60');
Promise.resolve().then(() => log('promise job'));
process.nextTick(() => log('next tick'));
