// Checks: a 4-level pyramid inside a function declared after its call site (hoisting), with
// code after every call and after the call site; the function's return value is unused.
const fs = require('fs');

console.log('before archive()');
archive('input.txt');
console.log('after archive()');

function archive(file) {
  const target = 'archive/' + file;
  fs.mkdir('archive', (err) => {
    if (err) throw err;
    fs.copyFile(file, target, (err) => {
      if (err) throw err;
      fs.readFile(target, 'utf8', (err, text) => {
        if (err) throw err;
        console.log('archived', text.split('\n').length - 1, 'lines');
        fs.appendFile('archive/index.txt', target + '\n', (err) => {
          if (err) throw err;
          console.log('index:', fs.readFileSync('archive/index.txt', 'utf8').trim());
        });
        console.log('after appendFile call');
      });
      console.log('after readFile call');
    });
    console.log('after copyFile call');
  });
  console.log('after mkdir call');
}
