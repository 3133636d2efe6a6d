// Checks: the success path throws while an error handler exists
// (`if (err) { console.error(...); return; }`). The handler must NOT catch the success path's
// own throw: the process must still die with "config has no database section", without the
// handler's "failed" line, and before the 0 ms timer fires.
// awaitify-fixture: expect-exit 1
const fsp = require('fs/promises');

(async () => {
  let text;
  try {
    text = await fsp.readFile('config.json', 'utf8');
  } catch (err) {
    console.error('failed', err.code);
    return;
  }
  const config = JSON.parse(text);
  console.log('config name:', config.name);
  setTimeout(() => console.log('timer: must not fire'), 0);
  if (!config.database) {
    throw new Error('config has no database section');
  }
  console.log('not reached');
})();
console.log('after readFile call');
