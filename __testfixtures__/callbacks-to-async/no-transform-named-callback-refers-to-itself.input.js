// Checks (refusal): a named function expression callback that calls itself by its name
// (`function again(err) { … fs.stat(…, again) }`) cannot be inlined: the name would be gone.
const fs = require('fs');

let tries = 0;
fs.stat('missing.txt', function again(err) {
  tries += 1;
  if (err && tries < 3) return fs.stat('missing.txt', again);
  console.log('tries:', tries, 'error:', err && err.code);
});
