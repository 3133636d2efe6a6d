// Checks: a process.nextTick scheduled in the success path, with no promise job next to it:
// the tick still runs right after the body and before the immediate, before and after the
// rewrite. (With a promise job next to it the order would flip: see
// no-transform-next-tick-and-promise-in-success-path.)
const fs = require('fs');

fs.readFile('other.txt', 'utf8', (err, text) => {
  if (err) throw err;
  setImmediate(() => console.log('body: immediate'));
  process.nextTick(() => console.log('body: nextTick'));
  console.log('body: read', JSON.stringify(text));
});
console.log('after readFile call');
