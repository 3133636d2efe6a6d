// Checks: a function that is no callback API and holds nothing but one converted call
// becomes the async function itself (no async IIFE inside it) when every call of it drops
// its value: `report` and `logSize`. `sizeOf` returns its value to a caller that uses it: it
// keeps the async IIFE. `announce` runs a statement before the call, where a throw reached its
// caller at once (a caller may catch it; a rejection nobody awaits it could not): it keeps its
// IIFE too. The code after each call still runs before the continuation.
const fs = require('fs');
const fsp = require('fs/promises');

fs.writeFileSync('a.txt', 'alpha');

async function report(name) {
  let text;

  try {
    text = await fsp.readFile(name, 'utf8');
  } catch (err) {
    return console.log('failed', name, err.code);
  }

  console.log('read', name, text.length);
}

async function logSize(name) {
  let stats;

  try {
    stats = await fsp.stat(name);
  } catch (err) {
    return console.log('no size', name);
  }

  report(name);
  console.log('size', name, stats.size);

  function unused() {}
}

function sizeOf(name) {
  (async () => {
    let stats;

    try {
      stats = await fsp.stat(name);
    } catch {}

    console.log('sizeOf', name, !!stats);
  })();
}

function announce(name) {
  console.log('announce', name);
  (async () => {
    let err = null;

    try {
      await fsp.access(name);
    } catch (caught) {
      err = caught;
    }

    console.log('access', name, !err);
  })();
}

report('a.txt');
report('missing.txt');
logSize('a.txt');
console.log('value', sizeOf('a.txt'));
announce('a.txt');
console.log('started');
