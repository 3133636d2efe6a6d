// Checks: an ES module with a named import without prefix, `import { readFile } from 'fs'`,
// return style, and markers in the success path.
import * as fsp from 'fs/promises';

(async () => {
  let text;
  try {
    text = await fsp.readFile('config.json', 'utf8');
  } catch (err) {
    console.error('failed', err.code);
    return;
  }
  setImmediate(() => console.log('body: immediate'));
  console.log('body: port', JSON.parse(text).port);
})();
console.log('after readFile call');
Promise.resolve().then(() => console.log('promise job after the call'));
