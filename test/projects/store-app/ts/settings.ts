import { readFile } from 'fs';
import { join } from 'path';

export interface Settings {
  greeting: string;
  retries: number;
}

export default function readSettings(dir: string, cb: (err: Error | null, settings?: Settings) => void): void {
  readFile(join(dir, 'settings.json'), 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, JSON.parse(text) as Settings);
  });
}
