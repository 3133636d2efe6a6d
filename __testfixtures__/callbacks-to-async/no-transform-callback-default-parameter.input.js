// Checks (refusal): a callback value with a default (`text = ''`) has no exact counterpart in
// a declaration before the await (timing/error-handling-unclear).
const fs = require('fs');

fs.readFile('missing.txt', 'utf8', (err, text = '(none)') => {
  console.log('error:', err.code, 'text:', text);
});
