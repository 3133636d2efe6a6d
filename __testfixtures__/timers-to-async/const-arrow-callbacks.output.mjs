// Checks: an ES module whose timer callbacks are const arrow functions declared before use,
// with a core-module import that makes it Node code (`node:` prefix kept).
import { basename } from 'node:path';
import { setTimeout } from 'node:timers/promises';

const log = (message) => console.log(message);

(async () => {
  await setTimeout(5);
  log('start step');
  await setTimeout(5);
  log(`finish in ${basename('/tmp/work/file.txt')}`);
})();
log('module body done');
process.nextTick(() => log('next tick'));
Promise.resolve().then(() => log('promise job'));
