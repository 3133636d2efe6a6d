// Checks: order markers around the call and inside the success path. After the call: a
// nextTick and a promise job (both before the I/O completes). Inside the body (run from the
// I/O phase before, from a promise job in the I/O phase after): a promise job, a setImmediate
// and a 0 ms timer, which must keep the order promise job, immediate, timer.
const fsp = require('fs/promises');

(async () => {
  const text = await fsp.readFile('input.txt', 'utf8');
  setTimeout(() => console.log('body: timeout 0'), 0);
  setImmediate(() => console.log('body: immediate'));
  Promise.resolve().then(() => console.log('body: promise job'));
  console.log('body: read', text.length, 'chars');
})();
process.nextTick(() => console.log('after call: nextTick'));
Promise.resolve().then(() => console.log('after call: promise job'));
console.log('after call: sync log');
