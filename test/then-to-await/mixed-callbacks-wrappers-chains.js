// A half-migrated module: callbacks, promise wrappers of callbacks, util.promisify and
// promise chains side by side. test/then-to-await.test.ts runs awaitify's default transforms
// over it and checks that every .then/.catch/.finally left has a finding at its line.
const fs = require('fs');
const util = require('util');

const statAsync = util.promisify(fs.stat);

function readText(file) {
  return new Promise((resolve, reject) => {
    fs.readFile(file, 'utf8', (err, text) => {
      if (err) return reject(err);
      resolve(text);
    });
  });
}

function sizeOf(file, cb) {
  fs.stat(file, (err, st) => {
    if (err) return cb(err);
    cb(null, st.size);
  });
}

function lineCount(file) {
  return readText(file).then((text) => text.split('\n').length).catch(() => -1);
}

function firstWord(file) {
  return readText(file).then((text) => text.split(' ')[0], (err) => 'none: ' + err.code);
}

async function report() {
  const size = await statAsync('input.txt').then((st) => st.size);
  console.log('size', size);
  console.log('lines', await lineCount('input.txt'), await lineCount('missing.txt'));
  console.log('word', await firstWord('other.txt'), await firstWord('missing.txt'));
  const both = await Promise.all([readText('data/a.txt').then((a) => a.trim()), readText('data/b.txt').then((b) => b.trim())]);
  console.log('both', both.join(','));
  readText('data/c.txt').then((c) => console.log('later', c.trim())).finally(() => console.log('later done'));
  console.log('report done');
}

sizeOf('config.json', (err, size) => {
  if (err) throw err;
  console.log('config size', size);
  report().catch((err) => console.log('report failed', err.message));
});
