// Checks (refusal): a `function` callback that reads `arguments` (how many values the API
// passed); inlined into an async function, `arguments` would be the enclosing function's.
const fs = require('fs');

fs.stat('input.txt', function (err) {
  if (err) throw err;
  console.log('callback got', arguments.length, 'arguments; size', arguments[1].size);
});
console.log('after stat call');
