// Checks: an async IIFE that is the last thing a function does from inside an if (ncp's
// `if (modified) { … fs.stat(…) } else { return cb(); }`) folds into that function too, and a
// callback handed to a function of the file (`isWritable`, which calls it last, in an async
// function whose promise nobody reads) counts as a place where a throw was uncaught. Kept as
// IIFEs: `touchLater`, whose if is followed by a statement (the IIFE is not its last act), and
// `peek`, which reads the module's `stats` before the call, a name the IIFE's body declares.
const fs = require('fs');
const fsp = require('fs/promises');

fs.writeFileSync('a.txt', 'alpha');
var stats = 'module stats';

async function isWritable(path, done) {
  try {
    await fsp.lstat(path);
  } catch (err) {
    return done(err.code === 'ENOENT');
  }
  done(false);
}

function onFile(name, modified) {
  isWritable(name, async function (writable) {
    if (writable) return console.log('writable', name);
    if (modified) {
      var label = name.toUpperCase();
      let stats;
      try {
        stats = await fsp.stat(name);
      } catch {}
      console.log('modified', label, stats.size);
    } else {
      console.log('not modified', name);
    }
  });
}

function touchLater(name, modified) {
  isWritable(name, function (writable) {
    if (modified) {
      (async () => {
        let stats;
        try {
          stats = await fsp.stat(name);
        } catch {}
        console.log('touch', name, writable, stats.size);
      })();
    }
    console.log('touch asked', name);
  });
}

function peek(name) {
  isWritable(name, function (writable) {
    console.log('peek sees', stats, writable);
    (async () => {
      let stats;
      try {
        stats = await fsp.stat(name);
      } catch {}
      console.log('peek', name, stats.size);
    })();
  });
}

onFile('a.txt', true);
onFile('a.txt', false);
onFile('new.txt', true);
touchLater('a.txt', true);
peek('a.txt');
process.nextTick(() => console.log('tick'));
Promise.resolve().then(() => console.log('promise job'));
console.log('started');
