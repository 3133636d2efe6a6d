// Checks: a callback API that calls itself again from a setTimeout retry (with one try less)
// converts in one run: the timer becomes `await setTimeout(ms)` from timers/promises and the
// retry `return await readRetry(…)`, so the error of the last try still reaches the caller.
var fsp = require('fs/promises');
var { setTimeout } = require('timers/promises');

async function readRetry(p, tries) {
  var err = null;
  var text;
  try {
    text = await fsp.readFile(p, 'utf8');
  } catch (caught) {
    err = caught;
  }
  if (err && tries > 1) {
    console.log('retrying', p, 'tries left', tries - 1);
    await setTimeout(10);
    return await readRetry(p, tries - 1);
  }
  if (err) throw err;
  return text.trim();
}

(async () => {
  var text = await readRetry('input.txt', 3);
  console.log('read:', text.length, 'chars');
  var err = null;
  try {
    await readRetry('missing.txt', 3);
  } catch (caught) {
    err = caught;
  }
  console.log('failed after retries:', err.code);
})();
console.log('after readRetry call');
