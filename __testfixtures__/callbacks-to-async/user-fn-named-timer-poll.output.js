// Checks: a callback API that polls through a named function declared beside its timer, the
// timer's handle read nowhere (lockfile's notStale: `var timer = setTimeout(poll, wait)` and
// `function poll () {…}`), converts: the handle goes, the timer becomes `await setTimeout(ms)`
// followed by the poll's body, and its retry `return await waitForFile(…)`.
var fsp = require('fs/promises');
var { setTimeout: delay } = require('timers/promises');

async function waitForFile(p, tries) {
  console.log('waiting for', p, tries);
  await delay(20);
  // look again once the timer fires
  console.log('polling', p);
  var err = null;
  var st;
  try {
    st = await fsp.stat(p);
  } catch (caught) {
    err = caught;
  }
  if (err && tries > 1) {
    return await waitForFile(p, tries - 1);
  }
  if (err) throw err;
  return st.size;
}

(async () => {
  var size = await waitForFile('input.txt', 3);
  console.log('found:', size, 'bytes');
  var err = null;
  try {
    await waitForFile('missing.txt', 2);
  } catch (caught) {
    err = caught;
  }
  console.log('gave up:', err.code);
})();
setTimeout(function () { console.log('other timer'); }, 1);
console.log('after waitForFile call');
