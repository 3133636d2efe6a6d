// Checks: the names the native code introduces (`results`, `item`) do not hide names the
// iteratee reads from outside: here both `results` and `item` are the file's own variables.
const fsp = require('fs/promises');
const results = ['prefix'];
const item = 'suffix';

(async () => {
  const sizes = await (async () => {
    const results2 = [];

    for (const item2 of ['data/a.txt', 'data/b.txt']) {
      results2.push(await (async (file) => {
        const stats = await fsp.stat(file);
        return `${results[0]}:${stats.size}:${item}`;
      })(item2));
    }

    return results2;
  })();

  console.log('labels:', sizes);
})();
