// Checks: a `var` declared in a callback started once per loop iteration belongs to each run of
// the callback; the timers it starts read their own run's value. The converted body must keep a
// scope of its own per iteration (an async IIFE), not hoist the `var` into the loop's function,
// where both timers would print the last value.
const fs = require('fs');

async function main(files) {
  for (const file of files) {
    fs.readFile(file, 'utf8', (err, text) => {
      if (err) throw err;
      var size = text.length;
      setTimeout(() => console.log('size of', file, size), 10);
    });
  }
  console.log('loop done');
}

main(['input.txt', 'data/a.txt']);
