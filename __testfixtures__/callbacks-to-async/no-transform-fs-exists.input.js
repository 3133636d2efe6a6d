// Checks (refusal): fs.exists is not error-first: its callback's only parameter is a boolean.
// Treating it as an error would invert the logic, so it is left alone. The second check runs
// from the first one's callback, so the order is fixed.
const fs = require('fs');

fs.exists('input.txt', (exists) => {
  console.log('input.txt exists:', exists);
  fs.exists('missing.txt', (found) => {
    console.log('missing.txt exists:', found);
  });
});
console.log('after exists call');
