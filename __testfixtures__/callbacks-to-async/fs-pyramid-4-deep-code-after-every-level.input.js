// Checks: a 4-level pyramid (mkdir, writeFile, readFile, unlink), every level
// `if (err) throw err;` with a shadowed `err`, and a log after every call: at each level the
// code after the call must run before the next level starts.
const fs = require('fs');

console.log('level 0: start');
fs.mkdir('out', (err) => {
  if (err) throw err;
  console.log('level 1: made out/');
  fs.writeFile('out/note.txt', 'hello pyramid\n', (err) => {
    if (err) throw err;
    console.log('level 2: wrote out/note.txt');
    fs.readFile('out/note.txt', 'utf8', (err, text) => {
      if (err) throw err;
      console.log('level 3: read', JSON.stringify(text));
      fs.unlink('out/note.txt', (err) => {
        if (err) throw err;
        console.log('level 4: out/note.txt still there:', fs.existsSync('out/note.txt'));
      });
      console.log('after level 4 call');
    });
    console.log('after level 3 call');
  });
  console.log('after level 2 call');
});
console.log('after level 1 call');
