// Checks: `const x = await chain`, `x = await chain` and `await chain;` inside an async
// function become awaits; a catch in the middle holds only the links before it.
const fsp = require('fs/promises');

async function main() {
  const text = await fsp.readFile('config.json', 'utf8');
  const config = JSON.parse(text);
  console.log('name', config.name);
  let port;
  try {
    const raw = await fsp.readFile('missing.json', 'utf8');
    port = await JSON.parse(raw).port;
  } catch (err) {
    console.log('no file:', err.code);
    port = 80;
  }

  console.log('port', port);
  try {
    let result;
    try {
      result = await fsp.readFile('missing.txt');
    } catch {
      result = 'fallback';
    }
    const value = result;
    console.log('value', value);
    throw new Error('thrown after the catch');
  } catch (err) {
    console.log('caught outside:', err.message);
  }
}

main();
