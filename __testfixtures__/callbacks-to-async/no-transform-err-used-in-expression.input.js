// Checks (refusal): the callback uses its error in an expression, not in an `if (err)` guard:
// `console.log(err && err.code, text)` runs on both paths; no try/catch says that exactly.
const fs = require('fs');

fs.readFile('missing.txt', 'utf8', (err, text) => {
  console.log('missing.txt:', err && err.code, text);
});
console.log('after readFile call');
