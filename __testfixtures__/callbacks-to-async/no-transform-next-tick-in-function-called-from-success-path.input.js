// Checks (refusal): the success path calls a local function that schedules a process.nextTick
// and a promise job. That function runs inside the callback, so once the body moved into a
// promise job its tick would run after the promise job: the call is left as is, like a
// nextTick written in the body itself. Found by the fuzzer (test/fuzz, seed 1008).
// awaitify-fixture: options {"strict": true}
const fs = require('fs');

function report(label) {
  process.nextTick(() => console.log(label, 'nextTick'));
  Promise.resolve().then(() => console.log(label, 'promise job'));
}

fs.readFile('input.txt', 'utf8', (err, text) => {
  if (err) throw err;
  console.log('read', text.length, 'chars');
  report('after the read');
});
console.log('after readFile call');
