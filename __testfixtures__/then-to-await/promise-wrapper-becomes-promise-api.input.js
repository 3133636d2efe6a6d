// Checks: new Promise wrappers of fs callbacks (the `if (err) return reject(err)` form, the
// conditional form, if/else, and resolve() without a value) become the fs/promises calls,
// which settle with the same value or error.
const fs = require('fs');

function readText(file) {
  return new Promise((resolve, reject) => {
    fs.readFile(file, 'utf8', (err, text) => {
      if (err) return reject(err);
      resolve(text);
    });
  });
}

const statOf = (file) => new Promise((resolve, reject) => fs.stat(file, (err, st) => (err ? reject(err) : resolve(st))));

function save(file, text) {
  return new Promise(function (resolve, reject) {
    fs.writeFile(file, text, function (err) {
      if (err) reject(err);
      else resolve();
    });
  });
}

async function main() {
  console.log((await readText('input.txt')).length);
  console.log((await statOf('other.txt')).size);
  await save('out.txt', 'written');
  console.log(await readText('out.txt'));
  try {
    await readText('missing.txt');
  } catch (err) {
    console.log('rejected with', err.code);
  }
}

main();
