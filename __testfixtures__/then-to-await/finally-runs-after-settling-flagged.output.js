// Checks: .finally(h) becomes try/finally around the links before it: h runs once the value is
// there, on success and on failure, and the value or error passes through.
const fsp = require('fs/promises');

async function sizeOf(file) {
  console.log('start', file);
  try {
    const st = await fsp.stat(file);
    return await st.size;
  } finally {
    console.log('finished', file);
  }
}

async function main() {
  console.log('size', await sizeOf('input.txt'));
  try {
    await sizeOf('missing.txt');
  } catch (err) {
    console.log('error passed through:', err.code);
  }
}

main();
