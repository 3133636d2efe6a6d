// Checks: a returned wrapper whose callback runs code before and after resolve() becomes an
// await in its function, now async: that code still runs, in order, before the caller sees
// the value; a throw after resolve() (an uncaught exception before) is reported.
const fs = require('fs');

function readCounted(file, stats) {
  return new Promise((resolve, reject) => {
    fs.readFile(file, 'utf8', (err, text) => {
      if (err) {
        reject(err);
        return;
      }
      stats.reads++;
      resolve(text);
      console.log('after resolve, reads =', stats.reads);
      if (text.length > 1000) throw new Error('too long');
    });
  });
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
