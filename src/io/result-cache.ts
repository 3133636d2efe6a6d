import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CacheStats } from '../types';

/**
 * The `--cache` store on disk: one JSON file per key, `<location>/<first two hex>/<key>.json`.
 * Synchronous, since cross-file conversion asks for its files one at a time. A missing, unreadable
 * or damaged entry is a miss; an entry that cannot be written is left out (the run goes on:
 * the cache only ever saves time). Writes go to a temporary file first, then a rename, so two
 * runs sharing a location never read half an entry.
 */
export interface ResultCacheStore {
  readonly location: string;
  get<Value>(key: string): Value | undefined;
  set(key: string, value: unknown): void;
  readonly stats: CacheStats;
}

export function openResultCache(location: string): ResultCacheStore {
  const stats: CacheStats = { hits: 0, misses: 0, writeFailures: 0 };
  const fileOf = (key: string) => path.join(location, key.slice(0, 2), `${key}.json`);
  return {
    location,
    stats,
    get<Value>(key: string): Value | undefined {
      try {
        const value = JSON.parse(readFileSync(fileOf(key), 'utf8')) as Value;
        stats.hits++;
        return value;
      } catch {
        stats.misses++;
        return undefined;
      }
    },
    set(key: string, value: unknown): void {
      const file = fileOf(key);
      const temporary = `${file}.${process.pid}.tmp`;
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(temporary, JSON.stringify(value));
        renameSync(temporary, file);
      } catch {
        stats.writeFailures++;
      }
    },
  };
}
