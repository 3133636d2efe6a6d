// Checks: with --api promise an exported callback function loses its callback form: it
// returns a promise only. Its in-file caller awaits it.
// awaitify-fixture: options {"api": "promise"}
const fsp = require('fs/promises');

async function sizeOf(path) {
  const stats = await fsp.stat(path);
  return stats.size;
}
module.exports = { sizeOf };

(async () => {
  const size = await sizeOf('input.txt');
  console.log('size:', size);
})();
console.log('after sizeOf call');
