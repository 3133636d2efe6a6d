// Checks: a poll loop written as a `next()` stepper whose wait is a timer: the stepper becomes
// `while (true)`, the timer `await setTimeout(ms)` from timers/promises, its `next()` a
// `continue`. Each attempt stats the file; the size comes back once it has grown.
var fs = require('fs');
var fsp = require('fs/promises');
var { setTimeout } = require('timers/promises');

async function waitForSize(p, min) {
  var polls = 0;
  while (true) {
    let er = null;
    let st;
    try {
      st = await fsp.stat(p);
    } catch (caught) {
      er = caught;
    }
    polls++;
    if (er && er.code !== 'ENOENT') throw er;
    if (!st || st.size < min) {
      await setTimeout(15);
      continue;
    }
    return st.size;
  }
}

var chunks = 0;
var writer = setInterval(function () {
  fs.appendFileSync('growing.txt', '0123456789');
  if (++chunks === 4) {
    clearInterval(writer);
    console.log('writer done');
  }
}, 25);

(async () => {
  var size = await waitForSize('growing.txt', 40);
  console.log('size reached:', size);
})();

console.log('waiting');
