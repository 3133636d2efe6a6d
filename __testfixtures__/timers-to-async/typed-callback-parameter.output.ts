// Checks: TypeScript: a typed callback parameter keeps its type on the awaited value, and a
// delay typed `number` needs no Number(…).
import { basename } from 'node:path';
import { setTimeout } from 'node:timers/promises';

function announce(file: string, ms: number): void {
  (async () => {
    const name: string = await setTimeout(ms, basename(file));
    console.log(`ready: ${name}`);
    await setTimeout(ms);
    console.log('done');
  })();
}

announce('/tmp/a.txt', 5);
