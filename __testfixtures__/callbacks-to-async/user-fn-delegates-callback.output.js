// Checks: a function that hands its callback on (`fs.readFile(p, 'utf8', cb)`) becomes an
// async function that awaits the read; its caller awaits it.
const fsp = require('fs/promises');

async function readText(path) {
  console.log('reading', path);
  return await fsp.readFile(path, 'utf8');
}

(async () => {
  let text;
  try {
    text = await readText('other.txt');
  } catch (err) {
    console.log('failed:', err.code);
    return;
  }
  console.log('other.txt has', text.split('\n').length, 'lines');
})();
console.log('after readText call');
