// Checks: an exported ES module function keeps the dual API; its in-file caller awaits it.
import fs from 'node:fs';

export function firstLine(path, cb) {
  fs.readFile(path, 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text.split('\n')[0]);
  });
}

firstLine('input.txt', (err, line) => {
  if (err) throw err;
  console.log('first line:', line);
});
console.log('after firstLine call');
