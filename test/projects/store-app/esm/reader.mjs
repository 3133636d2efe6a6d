import { readFile } from 'node:fs';

const dataDir = new URL('../data/', import.meta.url);

export function readNote(name, cb) {
  readFile(new URL(name + '.txt', dataDir), 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text.trim().toUpperCase());
  });
}

export function countWords(name, cb) {
  readNote(name, (err, text) => {
    if (err) return cb(err);
    cb(null, text.split(/\s+/).length);
  });
}
