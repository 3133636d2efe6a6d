// Checks: zlib.gzip then zlib.gunzip (util.promisify targets) in a 3-level pyramid with
// readFile, throw style, and markers in the innermost success path.
const zlib = require('zlib');
const fsp = require('fs/promises');
const { promisify } = require('util');

const gzipAsync = promisify(zlib.gzip);
const gunzipAsync = promisify(zlib.gunzip);

(async () => {
  const original = await fsp.readFile('input.txt');
  const compressedPromise = gzipAsync(original);
  console.log('after gzip call');
  const compressed = await compressedPromise;
  console.log('gzip magic bytes:', compressed[0].toString(16), compressed[1].toString(16));
  const restoredPromise = gunzipAsync(compressed);
  console.log('after gunzip call');
  const restored = await restoredPromise;
  setTimeout(() => console.log('body: timeout 0'), 0);
  setImmediate(() => console.log('body: immediate'));
  console.log('round trip equal:', restored.equals(original));
})();

console.log('after readFile call');
