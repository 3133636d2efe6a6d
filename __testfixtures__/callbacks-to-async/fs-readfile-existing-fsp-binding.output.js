// Checks: names the rewrite would like to use are taken: `fsp`, `textPromise` and `text`
// already exist in the scope, so the rewrite must pick other names and leave these alone.
const fsPromises = require('fs/promises');

const fsp = 'not the promises API';
const textPromise = 'a string, not a promise';
let text = 'outer text';

(async () => {
  const content = await fsPromises.readFile('other.txt', 'utf8');
  console.log('read:', JSON.stringify(content));
  console.log('outer names untouched:', fsp, '/', textPromise, '/', text);
})();
text = 'changed after the call';
console.log('after readFile call');
