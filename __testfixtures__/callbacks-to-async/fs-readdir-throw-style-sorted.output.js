// Checks: fs.readdir with `if (err) throw err;`; the names are sorted before printing so the
// output does not depend on the file system's order.
const fsp = require('fs/promises');

(async () => {
  const names = await fsp.readdir('data');
  console.log('data/ holds:', names.slice().sort().join(', '));
})();
console.log('after readdir call');
