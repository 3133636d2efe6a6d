// Checks: a .cjs file (CommonJS by its extension): writeFile then readFile, throw style, with
// nextTick and promise markers after the first call.
const fsp = require('fs/promises');

(async () => {
  await fsp.writeFile('from-cjs.txt', 'cjs\n');
  const text = await fsp.readFile('from-cjs.txt', 'utf8');
  console.log('read back:', text.trim());
})();
console.log('after writeFile call');
process.nextTick(() => console.log('nextTick after the call'));
Promise.resolve().then(() => console.log('promise job after the call'));
