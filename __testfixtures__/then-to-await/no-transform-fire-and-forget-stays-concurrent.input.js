// Checks: a chain neither returned nor awaited runs beside the code after it; it stays a chain
// (awaiting it would make that code wait).
const fsp = require('fs/promises');

async function main() {
  fsp.readFile('input.txt', 'utf8').then((text) => console.log('read', text.length));
  console.log('right after starting the read');
}

main();
