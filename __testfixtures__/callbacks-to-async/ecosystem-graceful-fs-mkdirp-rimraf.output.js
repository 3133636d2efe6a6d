// Checks: callees the ecosystem table knows at the package's versions: graceful-fs (namespace
// and destructured), mkdirp 0.5 and rimraf 2 become util.promisify of the same functions.
// awaitify-fixture: options {"dependencies": {"graceful-fs": "^4.1.2", "mkdirp": "~0.5.1", "rimraf": "2.7.1"}}
const gfs = require('graceful-fs');
const { readFile } = require('graceful-fs');
const mkdirp = require('mkdirp');
const rimraf = require('rimraf');
const { promisify } = require('util');

const mkdirpAsync = promisify(mkdirp);
const readFileAsync = promisify(readFile);
const writeFileAsync = promisify(gfs.writeFile);
const rimrafAsync = promisify(rimraf);

(async () => {
  const made = await mkdirpAsync('out/deep/er');
  console.log('made', made.endsWith('out'));
  const textPromise = readFileAsync('input.txt', 'utf8');
  console.log('after readFile call');
  const text = await textPromise;
  await writeFileAsync('out/deep/er/copy.txt', text.toUpperCase());
  console.log('copied', gfs.readFileSync('out/deep/er/copy.txt', 'utf8').split('\n')[0]);
  await rimrafAsync('out/deep');
  console.log('removed', gfs.existsSync('out/deep'));
})();

console.log('after mkdirp call');
process.nextTick(() => console.log('nextTick after the call'));
