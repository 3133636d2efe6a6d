// Checks: fs.readFile with `if (err) throw err;` as the last statement of the program: no
// code after the call, so a plain `await` at the call is enough.
const fsp = require('fs/promises');

console.log('reading config.json');
(async () => {
  const text = await fsp.readFile('config.json', 'utf8');
  const config = JSON.parse(text);
  console.log('name:', config.name);
  console.log('port:', config.port);
})();
