// Checks: new Promise wrappers of fs callbacks (the `if (err) return reject(err)` form, the
// conditional form, if/else, and resolve() without a value) become the fs/promises calls,
// which settle with the same value or error.
const fsp = require('fs/promises');

function readText(file) {
  return fsp.readFile(file, 'utf8');
}

const statOf = (file) => fsp.stat(file);

function save(file, text) {
  return fsp.writeFile(file, text);
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
