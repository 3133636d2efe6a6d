// Checks: recursion through a step function with a parameter (`step(i + 1)`) is no loop
// (closures could see one shared variable where each call had its own): the step becomes an
// async function that awaits itself, `return await step(i + 1)`, each call with its own `i`.
// The empty list called back synchronously (flagged).
const fsp = require('fs/promises');

async function readEach(files) {
  async function step(i) {
    if (i === files.length) return;
    const text = await fsp.readFile(files[i], 'utf8');
    console.log(files[i], text.length);
    return await step(i + 1);
  }
  return await step(0);
}

setImmediate(() => console.log('immediate'));
Promise.resolve().then(() => console.log('promise job'));
(async () => {
  await readEach(['input.txt', 'other.txt']);
  console.log('done');
  let err = null;
  try {
    await readEach(['missing.txt']);
  } catch (caught) {
    err = caught;
  }
  console.log('missing:', err.code);
  (async () => {
    let err = null;
    try {
      await readEach([]);
    } catch (caught) {
      err = caught;
    }
    console.log('empty:', err);
  })();
  console.log('after the empty call');
})();
