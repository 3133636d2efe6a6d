// Checks: callback functions declared inside a module-level function (closures) convert too,
// callees first: `readSize` and `readBoth` become async functions, the enclosing `sizes`
// awaits them and becomes async in turn, and its caller awaits it. Code after a call that
// ran before the callback still runs before the continuation. The second run's async IIFE,
// the last statement of the first run's (whose promise is dropped), folds into it.
const fs = require('fs');
const fsp = require('fs/promises');

fs.writeFileSync('a.txt', 'alpha');
fs.writeFileSync('b.txt', 'be');
let unset; // a declaration with no value: no function to look into

async function sizes(first, second) {
  let reads = 0;

  async function readSize(name) {
    reads++;
    const text = await fsp.readFile(name, 'utf8');
    return text.length;
  }

  async function readBoth() {
    const a = await readSize(first);
    const b = await readSize(second);
    return a + b;
  }

  const totalPromise = readBoth();
  console.log('reading', reads);
  const total = await totalPromise;
  return { total, reads };
}

// The second run starts from the first one's callback: two runs at once would race their
// file reads, and the trace would depend on the thread pool.
(async () => {
  let result;

  try {
    result = await sizes('a.txt', 'b.txt');
  } catch (err) {
    return console.log('error', err.code);
  }

  console.log('sizes', result.total, result.reads);
  let err = null;

  try {
    await sizes('a.txt', 'missing.txt');
  } catch (caught) {
    err = caught;
  }

  console.log('error', err.code);
})();

console.log('started');
