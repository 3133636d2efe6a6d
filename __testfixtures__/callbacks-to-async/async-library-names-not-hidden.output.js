// Checks: the names the native code introduces (`results`, `item`) do not hide names the
// iteratee reads from outside: here both `results` and `item` are the file's own variables.
const fsp = require('fs/promises');

const results = ['prefix'];
const item = 'suffix';

(async () => {
  const sizes = await (async () => {
    const values = [];
    for (const entry of ['data/a.txt', 'data/b.txt']) {
      values.push(await (async (file) => {
        const stats = await fsp.stat(file);
        return `${results[0]}:${stats.size}:${item}`;
      })(entry));
    }
    return values;
  })();

  console.log('labels:', sizes);
})();
