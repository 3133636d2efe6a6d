// Checks: a success path that schedules both a process.nextTick and a promise job converts by
// default, flagged (timing/next-tick-ordering): the two lines swap, and the flag's span covers
// the statements that print them. With --strict it is refused
// (no-transform-next-tick-and-promise-in-success-path).
const fs = require('fs');

fs.readFile('input.txt', 'utf8', (err, text) => {
  if (err) throw err;
  process.nextTick(() => console.log('body: nextTick'));
  Promise.resolve().then(() => console.log('body: promise job'));
  console.log('body: read', text.length, 'chars');
});
console.log('after readFile call');
