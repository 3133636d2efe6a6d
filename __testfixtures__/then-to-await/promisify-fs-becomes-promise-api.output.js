// Checks: util.promisify(fs.readFile) becomes fs/promises readFile; fs stays required while
// something else uses it, and util goes when nothing does.
const fs = require('fs');
const fsp = require('fs/promises');

const readFileAsync = fsp.readFile;

async function main() {
  const text = await readFileAsync('input.txt', 'utf8');
  console.log(text.split('\n')[0], fs.existsSync('other.txt'));
  try {
    await readFileAsync('missing.txt');
  } catch (err) {
    console.log('rejected with', err.code);
  }
}

main();
