// Checks: fs.readFile without an encoding (the value is a Buffer) and the
// `if (err) {…} else {…}` error style, success path taken.
const fsp = require('fs/promises');

(async () => {
  let data;
  try {
    data = await fsp.readFile('other.txt');
  } catch (err) {
    console.error('could not read other.txt:', err.code);
    return;
  }

  console.log('is a Buffer:', Buffer.isBuffer(data));
  console.log('bytes:', data.length);
})();
console.log('read requested');
