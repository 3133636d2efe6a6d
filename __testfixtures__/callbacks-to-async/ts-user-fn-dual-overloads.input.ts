// Checks: an exported TypeScript callback API gets overloads in its dual form, so that a
// caller awaiting it gets the value's type (`const s: string = await load('x')` compiles) and
// the callback form still type-checks and returns void.
import * as fs from 'fs';

export function load(file: string, cb: (err: NodeJS.ErrnoException | null, text?: string) => void): void {
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text.trim());
  });
}

load('input.txt', (err, text) => {
  console.log('callback:', err ? err.code : text);
});
console.log('started');
