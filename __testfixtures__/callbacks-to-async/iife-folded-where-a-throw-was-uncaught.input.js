// Checks: a function that runs something that may throw before its converted call (written as
// an async IIFE at its end) still becomes the async function itself when, at every call, such a
// throw was already uncaught and nothing after the call was skipped by it: `announce` is called
// last in the callback of fs.stat that reads `arguments` (a callback Node calls later, left as
// it is: a throw there was an uncaught exception), and `greet` last in a callback that becomes an
// async IIFE (a throw rejected its dropped promise). Each fold says the throw is now an unhandled
// rejection. Kept as IIFEs: `report`, whose call is followed by a statement the throw skipped,
// and `guarded`, whose call sits in a try block that caught the throw.
const fs = require('fs');

fs.writeFileSync('a.txt', 'alpha');

function announce(name) {
  var upper = name.toUpperCase();
  fs.access(name, (err) => {
    console.log('announce', upper, !err);
  });
}

function greet(name) {
  var upper = name.toUpperCase();
  fs.access(name, (err) => {
    console.log('greet', upper, !err);
  });
}

function report(name) {
  var upper = name.toUpperCase();
  fs.access(name, (err) => {
    console.log('report', upper, !err);
  });
}

function guarded(name) {
  var upper = name.toUpperCase();
  fs.access(name, (err) => {
    console.log('guarded', upper, !err);
  });
}

fs.stat('a.txt', function (err) {
  console.log('stat with', arguments.length, 'arguments');
  if (err) return;
  announce('a.txt');
});

fs.stat('missing.txt', (err) => {
  console.log('missing', err.code);
  greet('a.txt');
});

fs.stat('a.txt', function (err) {
  console.log('stat again with', arguments.length, 'arguments');
  report('a.txt');
  console.log('reported');
});

fs.stat('a.txt', function (err) {
  console.log('stat once more with', arguments.length, 'arguments');
  try {
    guarded(null);
  } catch (caught) {
    console.log('caught', caught.constructor.name);
  }
});
process.nextTick(() => console.log('tick'));
Promise.resolve().then(() => console.log('promise job'));
console.log('started');
