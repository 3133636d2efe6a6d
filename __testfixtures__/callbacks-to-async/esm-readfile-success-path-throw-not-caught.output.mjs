// Checks: in an ES module, the success path throws while an error handler exists; the handler
// must not catch it and the process must end with the success path's error (exit 1).
// awaitify-fixture: expect-exit 1
import * as fsp from 'node:fs/promises';

(async () => {
  let text;
  try {
    text = await fsp.readFile('other.txt', 'utf8');
  } catch (err) {
    console.error('failed', err.code);
    return;
  }
  console.log('read:', text.trim());
  throw new TypeError('other.txt is not JSON');
})();
console.log('after readFile call');
