// Checks: a function that calls back synchronously on one path (task1, on the refused path)
// converts, flagged; main, which only calls it, becomes async to await it. main() is called
// from the top level: on the synchronous path 'end of script' printed after main's
// continuation, and now prints before it. The timing/sync-callback-now-async flag spans the
// code after the call in main, after every call of main, and after every call of start, which
// calls main (fuzzer seed 811458). The continuation prints more lines than the code after the
// calls, so that the trace diff takes the lines after the calls as the ones that moved.
const fs = require('fs');

function task1(input, cb) {
  if (input === 'missing.txt') return cb(new Error('task1 refused the path'));
  fs.readFile(input, 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text.length);
  });
  console.log('task1 started');
}

function main() {
  task1('missing.txt', (err, value) => {
    if (err) console.log('s1 failed', err.message);
    console.log('s1 done', value === undefined ? 'none' : value);
    console.log('s1 log 2');
  });
}

function start() {
  main();
  console.log('after main');
}

start();
console.log('end of script');
