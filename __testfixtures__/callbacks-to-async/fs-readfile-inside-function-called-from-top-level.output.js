// Checks: a call inside a plain function that the top level calls. The function becomes async
// (or awaits in an inner async IIFE); either way the top-level code after `showConfig()` must
// still run before the file's contents print, and the code after the call inside the function
// runs before that too.
const fsp = require('fs/promises');

function showConfig(file) {
  (async () => {
    const text = await fsp.readFile(file, 'utf8');
    const config = JSON.parse(text);
    console.log('config features:', config.features.join(','));
  })();
  console.log('showConfig: read of', file, 'started');
}

console.log('top level: before showConfig()');
showConfig('config.json');
console.log('top level: after showConfig()');
process.nextTick(() => console.log('top level: nextTick'));
