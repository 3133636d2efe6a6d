// Checks: a callback API function that calls back with two values (`cb(null, size, isFile)`)
// returns an array, and its caller destructures it.
const fsp = require('fs/promises');

async function describeFile(path) {
  const stats = await fsp.stat(path);
  return [stats.size, stats.isFile()];
}

(async () => {
  const [size, isFile] = await describeFile('input.txt');
  console.log('input.txt:', size, 'bytes, file:', isFile);
})();
console.log('after describeFile call');
