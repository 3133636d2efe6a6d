// Checks: a returned wrapper whose callback runs code before and after resolve() becomes an
// await in its function, now async: that code still runs, in order, before the caller sees
// the value; a throw after resolve() (an uncaught exception before) is reported.
const fsp = require('fs/promises');

async function readCounted(file, stats) {
  const text = await fsp.readFile(file, 'utf8');
  stats.reads++;
  console.log('after resolve, reads =', stats.reads);
  if (text.length > 1000) throw new Error('too long');
  return text;
}

async function main() {
  const stats = { reads: 0 };
  const text = await readCounted('input.txt', stats);
  console.log('caller got', text.length);
  try {
    await readCounted('missing.txt', stats);
  } catch (err) {
    console.log('rejected with', err.code, 'reads =', stats.reads);
  }
}

main();
