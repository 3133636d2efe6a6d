import { readFile } from 'fs';
import { join } from 'path';
import type { Store } from './types';

export class FileStore implements Store {
  constructor(private readonly dir: string) {}

  load(id: string, cb: (err: Error | null, text?: string) => void): void {
    readFile(join(this.dir, `${id}.txt`), 'utf8', (err, text) => {
      if (err) return cb(err);
      cb(null, text.trim());
    });
  }
}
