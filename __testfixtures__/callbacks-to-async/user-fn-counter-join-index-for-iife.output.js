// Checks: an index for loop whose body is `(function (i) { … })(i)` starts one read per file,
// joined by a counter with a "failed" flag and an empty-list guard: the loop stays a loop and
// each pass pushes its item's promise, so reads start in order, each item's body runs when
// its own read completes, and the lengths come back in index order once all are in.
var fsp = require('fs/promises');

async function readAll(files) {
  var pending = files.length;
  var lengths = [];
  var failed = false;
  if (pending === 0) return lengths;
  var started = [];
  for (var i = 0; i < files.length; i++) {
    started.push((async function (i) {
      var err = null;
      var text;
      try {
        text = await fsp.readFile(files[i], 'utf8');
      } catch (caught) {
        err = caught;
      }
      if (failed) return;
      if (err) {
        failed = true;
        throw err;
      }
      lengths[i] = text.length;
    })(i));
  }
  var joined = Promise.all(started);
  console.log('started', files.length, 'reads');
  await joined;
  return lengths;
}

(async () => {
  var lengths = await readAll(['input.txt', 'other.txt', 'data/a.txt']);
  console.log('lengths in index order:', lengths);
  var err = null;
  try {
    await readAll(['input.txt', 'missing.txt', 'nope.txt']);
  } catch (caught) {
    err = caught;
  }
  console.log('second join failed once:', err.code);
  (async () => {
    var err = null;
    var lengths;
    try {
      lengths = await readAll([]);
    } catch (caught) {
      err = caught;
    }
    console.log('empty:', err, lengths);
  })();
})();
console.log('after readAll call');
