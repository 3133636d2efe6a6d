// Correct rewrite: appendFile stays an append.
const fsp = require('fs/promises');

(async () => {
  await fsp.appendFile('logs/app.log', 'third entry\n');
  console.log('logged');
})();
console.log('after the call');
