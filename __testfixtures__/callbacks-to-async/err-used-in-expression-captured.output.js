// Checks: the callback uses its error in an expression, not in an `if (err)` guard:
// `console.log(err && err.code, text)` runs on both paths, so the error is captured into a
// variable (null on success) and the body runs unchanged after the await.
const fsp = require('fs/promises');

(async () => {
  let err = null;
  let text;
  try {
    text = await fsp.readFile('missing.txt', 'utf8');
  } catch (caught) {
    err = caught;
  }
  console.log('missing.txt:', err && err.code, text);
})();
console.log('after readFile call');
