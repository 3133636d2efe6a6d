// Checks: fs.readFile with `if (err) throw err;` and logging after the call. The read must
// start first, the code after the call (a log, a nextTick, a promise job) must run before the
// callback body, then the body runs once the file is read.
const fsp = require('fs/promises');

(async () => {
  const text = await fsp.readFile('input.txt', 'utf8');
  console.log('lines:', text.trim().split('\n').length);
  console.log('first:', text.split('\n')[0]);
})();
console.log('after readFile call');
process.nextTick(() => console.log('nextTick after the call'));
Promise.resolve().then(() => console.log('promise job after the call'));
