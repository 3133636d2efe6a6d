// Checks: `await chain;` whose value is dropped: a .catch or .finally needs no variable to
// carry the value out of its try, and a throw in a handler after the catch is not caught by it.
const fsp = require('fs/promises');

async function main() {
  try {
    await fsp.readFile('missing.txt', 'utf8');
  } catch (err) {
    console.log('no file:', err.code);
  }
  try {
    const st = await fsp.stat('input.txt');
    console.log('size', st.size);
  } finally {
    console.log('stat done');
  }
  try {
    try {
      await fsp.stat('other.txt');
    } catch {
      console.log('never');
    }
    throw new Error('after the catch');
  } catch (err) {
    console.log('caught by main:', err.message);
  }
}

main();
