// Checks: a call that sits between two requires runs when its line runs, so the new
// `fsp` require must come before it (a const is not set until its line runs).
const fs = require('fs');
fs.readFile('input.txt', 'utf8', (err, text) => {
  if (err) throw err;
  console.log('read', text.length);
});
const path = require('path');
console.log('separator is one character:', path.sep.length === 1);
