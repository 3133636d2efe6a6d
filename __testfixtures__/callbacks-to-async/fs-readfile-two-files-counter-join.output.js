// Checks: two reads started side by side and joined by a counter (rule 2: concurrent stays
// concurrent, e.g. Promise.all). The results print in a fixed order once both are in, so the
// output does not depend on which read finishes first.
const fsp = require('fs/promises');

const texts = {};
let pending = 2;
function report() {
  console.log('input.txt first line:', texts.input.split('\n')[0]);
  console.log('other.txt:', texts.other.trim());
}
(async () => {
  const text = await fsp.readFile('input.txt', 'utf8');
  texts.input = text;
  if (--pending === 0) report();
})();
(async () => {
  const text = await fsp.readFile('other.txt', 'utf8');
  texts.other = text;
  if (--pending === 0) report();
})();
console.log('both reads started');
