// Checks (refusal): a process.nextTick scheduled in the success path. Once the body runs in a
// promise job, its tick runs only after every pending promise job, so the transform leaves the
// call (rule 4; --allow timing/next-tick-ordering converts it). Here no promise job is pending
// and the order would hold; with one it flips: see
// no-transform-next-tick-and-promise-in-success-path.
// awaitify-fixture: options {"strict": true}
const fs = require('fs');

fs.readFile('other.txt', 'utf8', (err, text) => {
  if (err) throw err;
  setImmediate(() => console.log('body: immediate'));
  process.nextTick(() => console.log('body: nextTick'));
  console.log('body: read', JSON.stringify(text));
});
console.log('after readFile call');
