// Checks (refusal): the callback's first parameter is a destructuring pattern, not an error
// variable, so there is no `catch (err)` to give it (timing/error-not-first-parameter).
const fs = require('fs');

fs.stat('missing.txt', ({ code }, stats) => {
  console.log('code:', code, 'stats:', stats === undefined);
});
