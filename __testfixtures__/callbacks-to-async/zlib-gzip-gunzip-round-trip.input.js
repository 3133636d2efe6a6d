// Checks: zlib.gzip then zlib.gunzip (util.promisify targets) in a 3-level pyramid with
// readFile, throw style, and markers in the innermost success path.
const fs = require('fs');
const zlib = require('zlib');

fs.readFile('input.txt', (err, original) => {
  if (err) throw err;
  zlib.gzip(original, (err, compressed) => {
    if (err) throw err;
    console.log('gzip magic bytes:', compressed[0].toString(16), compressed[1].toString(16));
    zlib.gunzip(compressed, (err, restored) => {
      if (err) throw err;
      setTimeout(() => console.log('body: timeout 0'), 0);
      setImmediate(() => console.log('body: immediate'));
      console.log('round trip equal:', restored.equals(original));
    });
    console.log('after gunzip call');
  });
  console.log('after gzip call');
});
console.log('after readFile call');
