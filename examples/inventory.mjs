// An ES module: lists data/files with the size of each entry (stat calls side by side,
// printed in name order) and reads the config with a named import. In an ES module the
// main body runs inside a promise job, so the promise callback below prints before the
// nextTick callback; in CommonJS it is the other way round.

import fs from 'node:fs';
import { readFile } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.join(here, 'data', 'files');

process.nextTick(() => console.log('inventory: nextTick'));
Promise.resolve().then(() => console.log('inventory: promise callback'));

fs.readdir(dir, (err, names) => {
  if (err) throw err;
  names.sort();
  const rows = [];
  let pending = names.length;
  for (let i = 0; i < names.length; i++) {
    fs.stat(path.join(dir, names[i]), (err, stats) => {
      if (err) throw err;
      rows[i] = `${names[i].padEnd(12)} ${stats.isDirectory() ? 'directory' : stats.size + ' bytes'}`;
      if (--pending === 0) {
        for (const row of rows) console.log('inventory: ' + row);
        readSettings();
      }
    });
  }
});
console.log('inventory: listing', path.relative(here, dir));

function readSettings() {
  readFile(new URL('./data/config.json', import.meta.url), 'utf8', (err, text) => {
    if (err) {
      console.error('inventory: no config:', err.code);
      return;
    }
    console.log('inventory: service name', JSON.parse(text).name);
  });
}
