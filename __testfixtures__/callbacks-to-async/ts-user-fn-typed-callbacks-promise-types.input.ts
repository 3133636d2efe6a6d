// Checks: TypeScript callback API functions get Promise<T> return types from their callback
// parameter types (a tuple for two values); a callback typed by an alias is left to inference.
// awaitify-fixture: no-run it reads two missing files and crashes on the one I/O fails first; its types are checked by test/typescript-output.test.ts
import * as fs from 'fs';

type Callback<T> = (err: Error | null, value?: T) => void;

function lineCount(file: string, cb: (err: NodeJS.ErrnoException | null, count?: number) => void): void {
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text.split('\n').length);
  });
}

export function sizes(file: string, cb: (err: Error | null, size?: number, lines?: number) => void): void {
  fs.stat(file, (err, st) => {
    if (err) return cb(err);
    lineCount(file, (err, n) => {
      if (err) return cb(err);
      cb(null, st.size, n);
    });
  });
}

function aliasTyped(file: string, cb: Callback<string>) {
  fs.readFile(file, 'utf8', cb);
}

lineCount('a.txt', (err, n) => {
  if (err) throw err;
  console.log(n);
});
aliasTyped('a', (e, s) => { if (e) throw e; console.log(s); });
