// Checks: child_process.execFile where the child writes to both streams, return style, and a
// 4-level pyramid on top: execFile, writeFile of its output, readFile, execFile again.
const { execFile } = require('child_process');
const { promisify } = require('util');

const execFileAsync = promisify(execFile);
const fsp = require('fs/promises');

(async () => {
  let stdout, stderr;
  try {
    ({ stdout, stderr } = await execFileAsync(process.execPath, ['-e', "console.log('out'); console.error('err')"]));
  } catch (err) {
    console.error('first child failed', err.code);
    return;
  }
  console.log('1: streams', JSON.stringify([stdout, stderr]));
  const writeFilePromise = fsp.writeFile('child-out.txt', stdout);
  console.log('after level 2 call');
  await writeFilePromise;
  console.log('2: saved');
  const savedPromise = fsp.readFile('child-out.txt', 'utf8');
  console.log('after level 3 call');
  const saved = await savedPromise;
  console.log('3: saved text', JSON.stringify(saved));
  const outPromise = execFileAsync(
    process.execPath,
    ['-e', 'process.stdout.write(String(process.argv.length))', 'x']
  );
  console.log('after level 4 call');
  let out;
  try {
    ({ stdout: out } = await outPromise);
  } catch (err) {
    console.error('second child failed', err.code);
    return;
  }
  console.log('4: second child argv length', out);
})();

console.log('after level 1 call');
