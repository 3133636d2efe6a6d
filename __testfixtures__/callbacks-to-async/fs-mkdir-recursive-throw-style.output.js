// Checks: fs.mkdir with options ({ recursive: true }) and `if (err) throw err;`, whose only
// success value (the first directory made) is unused; existsSync confirms it afterwards.
const fs = require('fs');
const fsp = require('fs/promises');

(async () => {
  await fsp.mkdir('out/nested/deeper', { recursive: true });
  console.log('made out/nested/deeper:', fs.existsSync('out/nested/deeper'));
})();

console.log('after mkdir call');
Promise.resolve().then(() => console.log('promise job after the call'));
