// Checks (refusal): the success path calls `[1].forEach((e) => …)`, whose callback runs at
// once, inside the body, and schedules a process.nextTick and a promise job. Its parameter is
// named like an error, but what calls it (forEach) runs it now, so the tick is in the moved
// body: tick before promise job in a callback, promise job first in a promise job. Refused.
// awaitify-fixture: options {"strict": true}
const fs = require('fs');

fs.readFile('input.txt', 'utf8', (err, text) => {
  if (err) throw err;
  [1].forEach((e) => {
    process.nextTick(() => console.log('body: nextTick', e));
    Promise.resolve().then(() => console.log('body: promise job', e));
  });
  console.log('body: read', text.length, 'chars');
});
console.log('after readFile call');
