// Checks: fs.readFile with `if (err) throw err;` as the last statement of the program: no
// code after the call, so a plain `await` at the call is enough.
const fs = require('fs');

console.log('reading config.json');
fs.readFile('config.json', 'utf8', (err, text) => {
  if (err) throw err;
  const config = JSON.parse(text);
  console.log('name:', config.name);
  console.log('port:', config.port);
});
