// Checks: descriptor calls (open, fstat, read, close) in a 4-deep pyramid with code after
// every call. fs.read passes two values (bytesRead, buffer); descriptors stay numbers, so the
// rewrite cannot use fs/promises FileHandles.
const fs = require('fs');
const { promisify } = require('util');

const openAsync = promisify(fs.open);
const fstatAsync = promisify(fs.fstat);
const readAsync = promisify(fs.read);
const closeAsync = promisify(fs.close);

(async () => {
  const fd = await openAsync('input.txt', 'r');
  console.log('level 1: fd is a number:', typeof fd === 'number');
  const statsPromise = fstatAsync(fd);
  console.log('after fstat call');
  const stats = await statsPromise;
  console.log('level 2: size', stats.size);
  const buffer = Buffer.alloc(stats.size);
  const bytesReadPromise = readAsync(fd, buffer, 0, stats.size, 0);
  console.log('after read call');
  const { bytesRead, buffer: filled } = await bytesReadPromise;
  console.log('level 3: read', bytesRead, 'bytes; same buffer:', filled === buffer);
  console.log('level 3: first line:', buffer.toString('utf8').split('\n')[0]);
  const closePromise = closeAsync(fd);
  console.log('after close call');
  await closePromise;
  console.log('level 4: closed');
})();

console.log('after open call');
