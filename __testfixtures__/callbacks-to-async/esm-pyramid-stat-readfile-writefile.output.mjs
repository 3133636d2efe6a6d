// Checks: a 3-level pyramid in an ES module (stat, readFile, writeFile) with code after every
// call and markers after the first one; the namespace import `* as fs` is used.
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';

(async () => {
  const stats = await fsp.stat('input.txt');
  console.log('1: size', stats.size);
  const textPromise = fsp.readFile('input.txt', 'utf8');
  console.log('after readFile call');
  const text = await textPromise;
  console.log('2: read', text.length, 'chars');
  const writeFilePromise = fsp.writeFile('upper.txt', text.toUpperCase());
  console.log('after writeFile call');
  await writeFilePromise;
  console.log('3: upper.txt starts with', fs.readFileSync('upper.txt', 'utf8').split('\n')[0]);
})();

console.log('after stat call');
process.nextTick(() => console.log('nextTick after the call'));
Promise.resolve().then(() => console.log('promise job after the call'));
