// Checks: fs.readFile without an encoding (the value is a Buffer) and the
// `if (err) {…} else {…}` error style, success path taken.
const fs = require('fs');

fs.readFile('other.txt', (err, data) => {
  if (err) {
    console.error('could not read other.txt:', err.code);
  } else {
    console.log('is a Buffer:', Buffer.isBuffer(data));
    console.log('bytes:', data.length);
  }
});
console.log('read requested');
