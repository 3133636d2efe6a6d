// Checks: a 4-level pyramid (mkdir, writeFile, readFile, unlink), every level
// `if (err) throw err;` with a shadowed `err`, and a log after every call: at each level the
// code after the call must run before the next level starts.
const fs = require('fs');
const fsp = require('fs/promises');

console.log('level 0: start');

(async () => {
  await fsp.mkdir('out');
  console.log('level 1: made out/');
  const writeFilePromise = fsp.writeFile('out/note.txt', 'hello pyramid\n');
  console.log('after level 2 call');
  await writeFilePromise;
  console.log('level 2: wrote out/note.txt');
  const textPromise = fsp.readFile('out/note.txt', 'utf8');
  console.log('after level 3 call');
  const text = await textPromise;
  console.log('level 3: read', JSON.stringify(text));
  const unlinkPromise = fsp.unlink('out/note.txt');
  console.log('after level 4 call');
  await unlinkPromise;
  console.log('level 4: out/note.txt still there:', fs.existsSync('out/note.txt'));
})();

console.log('after level 1 call');
