// Checks: chains whose promises are stored, combined with Promise.all or started in a loop run
// concurrently; they stay chains (each with a finding), so they still do. A map callback that
// returns its chain becomes an async arrow, whose promises Promise.all still joins.
const fsp = require('fs/promises');

async function main() {
  const names = ['data/a.txt', 'data/b.txt', 'data/c.txt'];
  const sizes = await Promise.all(names.map((name) => fsp.readFile(name, 'utf8').then((text) => text.length)));
  console.log('sizes', sizes.join(' '));
  const pending = [];
  for (const name of names) pending.push(fsp.stat(name).then((st) => st.size));
  const [first, second] = await Promise.all([fsp.readFile('data/a.txt', 'utf8').then((a) => a.trim()), fsp.readFile('data/b.txt', 'utf8').then((b) => b.trim())]);
  console.log('pair', first, second);
  console.log('stats', (await Promise.all(pending)).join(' '));
  const later = fsp.readFile('other.txt', 'utf8').then((text) => text.trim());
  console.log('started');
  console.log('later', await later);
}

main();
