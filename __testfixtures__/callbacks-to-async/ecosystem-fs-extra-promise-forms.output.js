// Checks: fs-extra 3 and later returns a promise when called without its callback, so its
// calls (fs's functions and its own) are awaited as they are, with no wrapper.
// awaitify-fixture: options {"dependencies": {"fs-extra": "^11.3.0"}}
const fse = require('fs-extra');

(async () => {
  await fse.ensureDir('made/here');
  await fse.outputFile('made/here/note.txt', 'hello');
  let text;
  try {
    text = await fse.readFile('made/here/note.txt', 'utf8');
  } catch (err) {
    console.log('cannot read', err.code);
    return;
  }
  console.log('read', text);
})();
console.log('after ensureDir call');
