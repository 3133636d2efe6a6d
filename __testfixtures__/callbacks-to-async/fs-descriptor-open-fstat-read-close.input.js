// Checks: descriptor calls (open, fstat, read, close) in a 4-deep pyramid with code after
// every call. fs.read passes two values (bytesRead, buffer); descriptors stay numbers, so the
// rewrite cannot use fs/promises FileHandles.
const fs = require('fs');

fs.open('input.txt', 'r', (err, fd) => {
  if (err) throw err;
  console.log('level 1: fd is a number:', typeof fd === 'number');
  fs.fstat(fd, (err, stats) => {
    if (err) throw err;
    console.log('level 2: size', stats.size);
    const buffer = Buffer.alloc(stats.size);
    fs.read(fd, buffer, 0, stats.size, 0, (err, bytesRead, filled) => {
      if (err) throw err;
      console.log('level 3: read', bytesRead, 'bytes; same buffer:', filled === buffer);
      console.log('level 3: first line:', buffer.toString('utf8').split('\n')[0]);
      fs.close(fd, (err) => {
        if (err) throw err;
        console.log('level 4: closed');
      });
      console.log('after close call');
    });
    console.log('after read call');
  });
  console.log('after fstat call');
});
console.log('after open call');
