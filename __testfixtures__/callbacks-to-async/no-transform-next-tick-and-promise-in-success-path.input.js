// Checks (refusal): the success path schedules both a process.nextTick and a promise job.
// In a callback the tick runs first; once the body runs inside a promise job, the promise job
// runs first (rule 4, next-tick-ordering). No rewrite keeps this order, so the call is left.
// awaitify-fixture: options {"strict": true}
const fs = require('fs');

fs.readFile('input.txt', 'utf8', (err, text) => {
  if (err) throw err;
  process.nextTick(() => console.log('body: nextTick'));
  Promise.resolve().then(() => console.log('body: promise job'));
  console.log('body: read', text.length, 'chars');
});
console.log('after readFile call');
