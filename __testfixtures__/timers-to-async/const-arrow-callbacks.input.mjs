// Checks: an ES module whose timer callbacks are const arrow functions declared before use,
// with a core-module import that makes it Node code (`node:` prefix kept).
import { basename } from 'node:path';

const log = (message) => console.log(message);
const finish = () => {
  log(`finish in ${basename('/tmp/work/file.txt')}`);
};
const start = () => {
  log('start step');
  setTimeout(finish, 5);
};

setTimeout(start, 5);
log('module body done');
process.nextTick(() => log('next tick'));
Promise.resolve().then(() => log('promise job'));
