// Checks: task1 calls back synchronously on its refused path and converts, flagged. Its call
// sits in a process.nextTick callback, and the code that queued that tick queues a second one
// after it. Before, the synchronous continuation ran inside the first tick, so 'second tick'
// printed after it; now the continuation is a promise job, and Node runs every queued tick
// before promise jobs, so 'second tick' prints first. The timing/sync-callback-now-async flag
// spans the code after the first tick's registration too (fuzzer seed 5001885). The
// continuation prints more lines than the second tick, so that the trace diff takes the second
// tick's line as the one that moved.
const fsp = require('fs/promises');

async function task1(input) {
  if (input === 'missing.txt') throw new Error('task1 refused the path');
  const text = await fsp.readFile(input, 'utf8');
  return text.length;
}

setTimeout(() => {
  process.nextTick(() => {
    (async () => {
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
    })();
  });
  process.nextTick(() => console.log('second tick'));
}, 0);
console.log('end of script');
