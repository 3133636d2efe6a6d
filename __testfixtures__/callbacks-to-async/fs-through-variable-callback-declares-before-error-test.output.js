// Checks: a call through a local set once to fs.stat or fs.lstat converts even when its callback
// does something before testing the error (ncp's getStats: `var item = {}; if (err) …`): the
// error is captured, then the statements run in their order. The inner call on a missing file
// takes the error path; the code after each call still runs before its continuation.
const fs = require('fs');
const { promisify } = require('util');

fs.writeFileSync('present.txt', 'twelve bytes');

function describe(file, dereference) {
  var stat = dereference ? fs.stat : fs.lstat;
  (async () => {
    let err = null;
    let stats;
    try {
      stats = await promisify(stat)(file);
    } catch (caught) {
      err = caught;
    }
    var item = { name: file };
    if (err) {
      console.log('failed', item.name, err.code);
      return;
    }
    item.size = stats.size;
    console.log('described', item.name, item.size);
    if (file === 'present.txt') describe('absent.txt', false);
  })();
  console.log('asked', file);
}

describe('present.txt', true);
console.log('started');
