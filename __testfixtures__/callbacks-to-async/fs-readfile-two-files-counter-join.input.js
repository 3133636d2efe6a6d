// Checks: two reads started side by side and joined by a counter (rule 2: concurrent stays
// concurrent, e.g. Promise.all). The results print in a fixed order once both are in, so the
// output does not depend on which read finishes first.
const fs = require('fs');

const texts = {};
let pending = 2;
function report() {
  console.log('input.txt first line:', texts.input.split('\n')[0]);
  console.log('other.txt:', texts.other.trim());
}
fs.readFile('input.txt', 'utf8', (err, text) => {
  if (err) throw err;
  texts.input = text;
  if (--pending === 0) report();
});
fs.readFile('other.txt', 'utf8', (err, text) => {
  if (err) throw err;
  texts.other = text;
  if (--pending === 0) report();
});
console.log('both reads started');
