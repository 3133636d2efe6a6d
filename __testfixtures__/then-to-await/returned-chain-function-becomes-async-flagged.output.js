// Checks: a function that returns a .then/.catch chain becomes async and returns the awaited
// value; the catch still sees both the read's error and the handler's throw.
const fsp = require('fs/promises');

async function lineCount(file) {
  try {
    const text = await fsp.readFile(file, 'utf8');
    if (text.length === 0) throw new Error('empty file');
    return text.split('\n').length;
  } catch (err) {
    console.log('failed:', err.code || err.message);
    return -1;
  }
}

async function main() {
  console.log('lines', await lineCount('input.txt'));
  console.log('missing', await lineCount('missing.txt'));
}

main();
