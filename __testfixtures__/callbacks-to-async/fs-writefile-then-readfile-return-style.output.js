// Checks: fs.writeFile then fs.readFile of what was written, both with the
// `if (err) { console.error(...); return; }` style, and a log after each call.
const fsp = require('fs/promises');

const target = 'written.txt';
(async () => {
  try {
    await fsp.writeFile(target, 'written by the fixture\n', 'utf8');
  } catch (err) {
    console.error('write failed', err.code);
    return;
  }
  console.log('wrote', target);
  const textPromise = fsp.readFile(target, 'utf8');
  console.log('after readFile call');
  let text;
  try {
    text = await textPromise;
  } catch (err) {
    console.error('read failed', err.code);
    return;
  }
  console.log('read back:', JSON.stringify(text));
})();
console.log('after writeFile call');
