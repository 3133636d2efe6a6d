import { join } from 'path';
import { FileStore } from './file-store';
import { Service } from './service';
import loadSettings from './settings';
import { countRows } from './query';
import { reportProblems } from './problems';

const dataDir = join(__dirname, '..', 'data');
const service = new Service(new FileStore(dataDir));

setTimeout(() => console.log('timer 0'), 0);
process.nextTick(() => console.log('tick'));

console.log('ts start');
service.title('alpha', (err, title) => {
  if (err) throw err;
  console.log('title:', title);
  loadSettings(dataDir, (err, settings) => {
    if (err) throw err;
    console.log('greeting:', settings?.greeting);
    countRows('people', (err, count) => {
      if (err) throw err;
      console.log('rows:', count);
    });
  });
});
reportProblems([new Error('disk full')], (err) => {
  if (err) console.log('problem:', err.message);
});
console.log('ts after call');
