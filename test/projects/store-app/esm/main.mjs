import * as notes from './index.mjs';
import { countWords as words } from './index.mjs';

setTimeout(() => console.log('timer 0'), 0);
process.nextTick(() => console.log('tick'));
Promise.resolve().then(() => console.log('promise job'));

console.log('esm start');
notes.readNote('beta', (err, text) => {
  if (err) {
    console.log('failed', err.code);
    return;
  }
  console.log('note', text);
  words('gamma', (err, count) => {
    if (err) throw err;
    console.log('gamma has', count, 'words');
  });
});
console.log('esm after call');
