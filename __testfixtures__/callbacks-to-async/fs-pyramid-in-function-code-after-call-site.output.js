// Checks: a 4-level pyramid inside a function declared after its call site (hoisting), with
// code after every call and after the call site; the function's return value is unused.
const fs = require('fs');
const fsp = require('fs/promises');

console.log('before archive()');
archive('input.txt');
console.log('after archive()');

function archive(file) {
  const target = 'archive/' + file;
  (async () => {
    await fsp.mkdir('archive');
    const copyFilePromise = fsp.copyFile(file, target);
    console.log('after copyFile call');
    await copyFilePromise;
    const textPromise = fsp.readFile(target, 'utf8');
    console.log('after readFile call');
    const text = await textPromise;
    console.log('archived', text.split('\n').length - 1, 'lines');
    const appendFilePromise = fsp.appendFile('archive/index.txt', target + '\n');
    console.log('after appendFile call');
    await appendFilePromise;
    console.log('index:', fs.readFileSync('archive/index.txt', 'utf8').trim());
  })();
  console.log('after mkdir call');
}
