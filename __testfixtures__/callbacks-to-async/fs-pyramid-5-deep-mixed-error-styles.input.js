// Checks: a 5-level pyramid mixing error styles: throw, return with a handler, if/else, an
// ignored error, and a handler whose error path is taken at the last level (stat of a file the
// previous level deleted). Code after every call.
const fs = require('fs');

fs.readFile('config.json', 'utf8', (err, text) => {
  if (err) throw err;
  const config = JSON.parse(text);
  console.log('1: config for', config.name);
  fs.writeFile('port.txt', String(config.port), (err) => {
    if (err) {
      console.error('2: write failed', err.code);
      return;
    }
    console.log('2: wrote port.txt');
    fs.stat('port.txt', (err, stats) => {
      if (err) {
        console.error('3: stat failed', err.code);
      } else {
        console.log('3: port.txt has', stats.size, 'bytes');
        fs.unlink('port.txt', () => {
          console.log('4: unlink done');
          fs.stat('port.txt', (err) => {
            if (err) {
              console.log('5: port.txt is gone:', err.code);
              return;
            }
            console.log('5: not reached');
          });
          console.log('after level 5 call');
        });
        console.log('after level 4 call');
      }
    });
    console.log('after level 3 call');
  });
  console.log('after level 2 call');
});
console.log('after level 1 call');
