// Checks: `await chain;` whose value is dropped: a .catch or .finally needs no variable to
// carry the value out of its try, and a throw in a handler after the catch is not caught by it.
const fsp = require('fs/promises');

async function main() {
  await fsp.readFile('missing.txt', 'utf8').catch((err) => console.log('no file:', err.code));
  await fsp.stat('input.txt').then((st) => console.log('size', st.size)).finally(() => console.log('stat done'));
  try {
    await fsp.stat('other.txt').catch(() => console.log('never')).then(() => {
      throw new Error('after the catch');
    });
  } catch (err) {
    console.log('caught by main:', err.message);
  }
}

main();
