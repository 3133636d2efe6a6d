// Checks: callees the ecosystem table knows at the package's versions: graceful-fs (namespace
// and destructured), mkdirp 0.5 and rimraf 2 become util.promisify of the same functions.
// awaitify-fixture: options {"dependencies": {"graceful-fs": "^4.1.2", "mkdirp": "~0.5.1", "rimraf": "2.7.1"}}
const gfs = require('graceful-fs');
const { readFile } = require('graceful-fs');
const mkdirp = require('mkdirp');
const rimraf = require('rimraf');

mkdirp('out/deep/er', (err, made) => {
  if (err) throw err;
  console.log('made', made.endsWith('out'));
  readFile('input.txt', 'utf8', (err, text) => {
    if (err) throw err;
    gfs.writeFile('out/deep/er/copy.txt', text.toUpperCase(), (err) => {
      if (err) throw err;
      console.log('copied', gfs.readFileSync('out/deep/er/copy.txt', 'utf8').split('\n')[0]);
      rimraf('out/deep', (err) => {
        if (err) throw err;
        console.log('removed', gfs.existsSync('out/deep'));
      });
    });
  });
  console.log('after readFile call');
});
console.log('after mkdirp call');
process.nextTick(() => console.log('nextTick after the call'));
