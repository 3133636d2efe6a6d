// Checks: `if (err) return cb(err)` inside a function that takes a callback `cb`: a user
// callback API, converted as a whole (async function, errors thrown to the awaiting caller),
// with its in-file callers awaiting it; the caller whose callback reads `err.code` keeps
// working through a captured error.
const fsp = require('fs/promises');

async function readUpper(file) {
  const text = await fsp.readFile(file, 'utf8');
  return text.toUpperCase();
}

(async () => {
  const upper = await readUpper('other.txt');
  console.log('upper:', upper.trim());
  let err = null;
  try {
    await readUpper('missing.txt');
  } catch (caught) {
    err = caught;
  }
  console.log('missing.txt:', err.code);
})();
console.log('after readUpper call');
