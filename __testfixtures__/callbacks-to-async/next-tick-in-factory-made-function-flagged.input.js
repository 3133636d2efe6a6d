// Checks: a success path that calls a function made by a factory in this file
// (`const notify = (function () { return function … })()`), whose body schedules a
// process.nextTick, converts flagged (timing/next-tick-ordering): awaitify follows the factory
// to the function it returns, as it follows a local function called by name. Moved into a
// promise job, the tick runs after the promise job scheduled beside it: the two lines swap,
// inside the flag's span. Found by the fuzzer (seed 500032), where the flag was missing.
const fs = require('fs');

const notify = (function makeNotify() {
  return function (label) {
    process.nextTick(() => console.log('notify: tick for', label));
  };
})();

fs.readFile('input.txt', 'utf8', (err, text) => {
  if (err) throw err;
  notify('read');
  Promise.resolve().then(() => console.log('body: promise job'));
  console.log('body: read', text.length, 'chars');
});
console.log('after readFile call');
