// Checks: `const x = await chain`, `x = await chain` and `await chain;` inside an async
// function become awaits; a catch in the middle holds only the links before it.
const fsp = require('fs/promises');

async function main() {
  const config = await fsp.readFile('config.json', 'utf8').then((text) => JSON.parse(text));
  console.log('name', config.name);
  let port;
  port = await fsp.readFile('missing.json', 'utf8').then((raw) => JSON.parse(raw).port).catch((err) => {
    console.log('no file:', err.code);
    return 80;
  });
  console.log('port', port);
  try {
    await fsp.readFile('missing.txt').catch(() => 'fallback').then((value) => {
      console.log('value', value);
      throw new Error('thrown after the catch');
    });
  } catch (err) {
    console.log('caught outside:', err.message);
  }
}

main();
