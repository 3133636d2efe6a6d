// Checks: mz/fs functions return a promise without their callback: awaited as they are.
// awaitify-fixture: options {"dependencies": {"mz": "2.7.0"}}
const fs = require('mz/fs');

(async () => {
  const stats = await fs.stat('input.txt');
  console.log('size', stats.size);
  let text;
  try {
    text = await fs.readFile('missing.txt', 'utf8');
  } catch (err) {
    console.log('missing', err.code);
    return;
  }
  console.log('read', text);
})();
console.log('after stat call');
