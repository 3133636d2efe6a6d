// WRONG rewrite: the inner call was lost and only its callback body kept, so nothing is
// written. Same output, same exit: only the sandbox's files differ.
// awaitify-mutation: caught-by files
const fsp = require('fs/promises');

(async () => {
  await fsp.mkdir('out');
  console.log('saved');
})();
console.log('saving');
