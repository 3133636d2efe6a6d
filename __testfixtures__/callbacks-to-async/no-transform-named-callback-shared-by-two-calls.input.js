// Checks (refusal): the callback is a named function passed by reference to two calls (it is
// stored and escapes; rule 7), so neither call site can inline it. Results print sorted once
// both are in, so the output does not depend on which read ends first.
const fs = require('fs');

const seen = [];
function onRead(err, text) {
  if (err) throw err;
  seen.push(text.trim().split('\n')[0]);
  if (seen.length === 2) console.log('both read:', seen.sort().join(' | '));
}

fs.readFile('input.txt', 'utf8', onRead);
fs.readFile('other.txt', 'utf8', onRead);
console.log('after readFile calls');
