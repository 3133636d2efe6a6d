// WRONG rewrite: appendFile became writeFile, which replaces the log instead of adding a line.
// Same output, same exit: only the sandbox's files differ.
// awaitify-mutation: caught-by files
const fsp = require('fs/promises');

(async () => {
  await fsp.writeFile('logs/app.log', 'third entry\n');
  console.log('logged');
})();
console.log('after the call');
