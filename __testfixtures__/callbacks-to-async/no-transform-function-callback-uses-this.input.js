// Checks (refusal): a `function` callback that reads `this`; its meaning would change if the
// body moved into an async function (rule 6).
const fs = require('fs');

fs.readFile('input.txt', 'utf8', function (err, text) {
  if (err) throw err;
  console.log('this is the global object:', this === globalThis, 'read', text.length);
});
console.log('after readFile call');
