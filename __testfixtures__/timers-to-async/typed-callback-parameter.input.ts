// Checks: TypeScript: a typed callback parameter keeps its type on the awaited value, and a
// delay typed `number` needs no Number(…).
import { basename } from 'node:path';

function announce(file: string, ms: number): void {
  setTimeout((name: string) => {
    console.log(`ready: ${name}`);
    setTimeout(() => console.log('done'), ms);
  }, ms, basename(file));
}

announce('/tmp/a.txt', 5);
