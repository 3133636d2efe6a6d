// Checks: one callback function calls another (converted first) and hands its own callback to
// fs.writeFile; both become async, the second awaits the first.
const fs = require('fs');
const fsp = require('fs/promises');

async function readConfig(path) {
  const text = await fsp.readFile(path, 'utf8');
  return JSON.parse(text);
}

async function copyConfig(from, to) {
  const config = await readConfig(from);
  console.log('copying', config.name);
  await fsp.writeFile(to, JSON.stringify(config));
}

(async () => {
  await copyConfig('config.json', 'copy.json');
  console.log('copied:', fs.readFileSync('copy.json', 'utf8').length, 'bytes');
})();

console.log('after copyConfig call');
