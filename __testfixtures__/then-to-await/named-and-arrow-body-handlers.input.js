// Checks: a handler passed by name (a function of this file) is called with the value, as the
// promise called it; an arrow whose body is the chain becomes an async arrow.
const fsp = require('fs/promises');

function countLines(text) {
  return text.split('\n').length;
}

const lines = (file) => fsp.readFile(file, 'utf8').then(countLines);

async function main() {
  console.log('lines', await lines('input.txt'));
  const other = await fsp.readFile('other.txt', 'utf8').then(countLines);
  console.log('other', other);
}

main();
