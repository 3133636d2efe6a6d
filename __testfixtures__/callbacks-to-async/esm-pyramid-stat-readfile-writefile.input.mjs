// Checks: a 3-level pyramid in an ES module (stat, readFile, writeFile) with code after every
// call and markers after the first one; the namespace import `* as fs` is used.
import * as fs from 'node:fs';

fs.stat('input.txt', (err, stats) => {
  if (err) throw err;
  console.log('1: size', stats.size);
  fs.readFile('input.txt', 'utf8', (err, text) => {
    if (err) throw err;
    console.log('2: read', text.length, 'chars');
    fs.writeFile('upper.txt', text.toUpperCase(), (err) => {
      if (err) throw err;
      console.log('3: upper.txt starts with', fs.readFileSync('upper.txt', 'utf8').split('\n')[0]);
    });
    console.log('after writeFile call');
  });
  console.log('after readFile call');
});
console.log('after stat call');
process.nextTick(() => console.log('nextTick after the call'));
Promise.resolve().then(() => console.log('promise job after the call'));
