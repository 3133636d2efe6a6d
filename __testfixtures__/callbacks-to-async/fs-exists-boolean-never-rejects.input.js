// Checks: fs.exists is not error-first: its callback's only parameter is a boolean, and it never
// fails. Node gives it a util.promisify.custom that resolves that boolean and never rejects, so
// the value is awaited without a try (reading it as an error would invert the logic). The second
// check runs from the first one's callback, so the order is fixed; both call back through
// fs.access, later, as the awaits do.
const fs = require('fs');

fs.exists('input.txt', (exists) => {
  console.log('input.txt exists:', exists);
  fs.exists('missing.txt', (found) => {
    console.log('missing.txt exists:', found);
  });
  console.log('after the second exists call');
});
console.log('after exists call');
process.nextTick(() => console.log('nextTick after the call'));
