// Checks: child_process.execFile where the child writes to both streams, return style, and a
// 4-level pyramid on top: execFile, writeFile of its output, readFile, execFile again.
const fs = require('fs');
const { execFile } = require('child_process');

execFile(process.execPath, ['-e', "console.log('out'); console.error('err')"], (err, stdout, stderr) => {
  if (err) {
    console.error('first child failed', err.code);
    return;
  }
  console.log('1: streams', JSON.stringify([stdout, stderr]));
  fs.writeFile('child-out.txt', stdout, (err) => {
    if (err) throw err;
    console.log('2: saved');
    fs.readFile('child-out.txt', 'utf8', (err, saved) => {
      if (err) throw err;
      console.log('3: saved text', JSON.stringify(saved));
      execFile(process.execPath, ['-e', 'process.stdout.write(String(process.argv.length))', 'x'], (err, out) => {
        if (err) {
          console.error('second child failed', err.code);
          return;
        }
        console.log('4: second child argv length', out);
      });
      console.log('after level 4 call');
    });
    console.log('after level 3 call');
  });
  console.log('after level 2 call');
});
console.log('after level 1 call');
