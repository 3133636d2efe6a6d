// Checks: a 5-level pyramid mixing error styles: throw, return with a handler, if/else, an
// ignored error, and a handler whose error path is taken at the last level (stat of a file the
// previous level deleted). Code after every call.
const fsp = require('fs/promises');

(async () => {
  const text = await fsp.readFile('config.json', 'utf8');
  const config = JSON.parse(text);
  console.log('1: config for', config.name);
  const writeFilePromise = fsp.writeFile('port.txt', String(config.port));
  console.log('after level 2 call');
  try {
    await writeFilePromise;
  } catch (err) {
    console.error('2: write failed', err.code);
    return;
  }
  console.log('2: wrote port.txt');
  const statsPromise = fsp.stat('port.txt');
  console.log('after level 3 call');
  let stats;
  try {
    stats = await statsPromise;
  } catch (err) {
    console.error('3: stat failed', err.code);
    return;
  }

  console.log('3: port.txt has', stats.size, 'bytes');
  const unlinkPromise = fsp.unlink('port.txt');
  console.log('after level 4 call');
  try {
    await unlinkPromise;
  } catch {}
  console.log('4: unlink done');
  const statPromise = fsp.stat('port.txt');
  console.log('after level 5 call');
  try {
    await statPromise;
  } catch (err) {
    console.log('5: port.txt is gone:', err.code);
    return;
  }
  console.log('5: not reached');
})();
console.log('after level 1 call');
