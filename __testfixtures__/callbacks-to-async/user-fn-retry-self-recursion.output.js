// Checks: a retry that calls the function itself with one attempt fewer, handing its callback
// on, converts by induction: the recursive call is awaited and its result returned.
const fsp = require('fs/promises');

async function readWithRetry(path, attempts) {
  let err = null;
  let text;
  try {
    text = await fsp.readFile(path, 'utf8');
  } catch (caught) {
    err = caught;
  }
  if (err && attempts > 1) {
    console.log('retrying', path, 'attempts left:', attempts - 1);
    return await readWithRetry(path, attempts - 1);
  }
  if (err) throw err;
  return text;
}

(async () => {
  let err = null;
  try {
    await readWithRetry('missing.txt', 3);
  } catch (caught) {
    err = caught;
  }
  console.log('gave up:', err.code);
  const text = await readWithRetry('other.txt', 2);
  console.log('read other.txt first time:', text.length, 'chars');
})();
console.log('after readWithRetry call');
