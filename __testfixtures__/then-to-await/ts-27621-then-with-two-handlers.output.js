// Checks: .then(onValue, onError): onError sees the read's error but not what onValue throws
// (TypeScript's "convert to async function" wraps both in one try; TypeScript issue 27621).
const fsp = require('fs/promises');

async function firstLine(file) {
  let text;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch (err) {
    console.log('read failed:', err.code);
    return '';
  }

  if (text.length > 10) throw new Error('too long for a first line');
  return text;
}

async function main() {
  try {
    console.log('got', await firstLine('input.txt'));
  } catch (err) {
    console.log('caught by the caller:', err.message);
  }
  console.log('missing gives', JSON.stringify(await firstLine('missing.txt')));
}

main();
