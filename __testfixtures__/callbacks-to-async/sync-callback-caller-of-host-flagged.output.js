// Checks: a function that calls back synchronously on one path (task1, on the refused path)
// converts, flagged; main, which only calls it, becomes async to await it. main() is called
// from the top level: on the synchronous path 'end of script' printed after main's
// continuation, and now prints before it. The timing/sync-callback-now-async flag spans the
// code after the call in main, after every call of main, and after every call of start, which
// calls main (fuzzer seed 811458). The continuation prints more lines than the code after the
// calls, so that the trace diff takes the lines after the calls as the ones that moved.
const fsp = require('fs/promises');

async function task1(input) {
  if (input === 'missing.txt')
    throw new Error('task1 refused the path');
  const textPromise = fsp.readFile(input, 'utf8');
  console.log('task1 started');
  const text = await textPromise;
  return text.length;
}

async function main() {
  let err = null;
  let value;

  try {
    value = await task1('missing.txt');
  } catch (caught) {
    err = caught;
  }

  if (err) console.log('s1 failed', err.message);
  console.log('s1 done', value === undefined ? 'none' : value);
  console.log('s1 log 2');
}

function start() {
  main();
  console.log('after main');
}

start();
console.log('end of script');
