// Original: a line is appended to the log; the program prints the same whether it appends or
// overwrites, so only the file left on disk tells.
const fs = require('fs');

fs.appendFile('logs/app.log', 'third entry\n', (err) => {
  if (err) throw err;
  console.log('logged');
});
console.log('after the call');
