// Checks: a chain returned (not awaited) inside a try: the catch never sees its rejection and
// the finally runs before it settles; awaited, both would change. Left as is.
const fsp = require('fs/promises');

async function guarded(file) {
  try {
    return fsp.readFile(file, 'utf8').then((text) => text.length);
  } catch (err) {
    console.log('sync error only', err.message);
    return Promise.resolve(0);
  } finally {
    console.log('finally runs first');
  }
}

guarded('missing.txt').catch((err) => console.log('rejected outside:', err.code));
