import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { readModuleFacts } from '../analysis/module-facts';
import type { ModuleFacts } from '../analysis/types';
import { openResultCache } from '../io/result-cache';
import type { CacheStats, FileResult, TransformSourceOptions } from '../types';
import { buildHash } from './build-hash';
import { createTransformPool } from './transform-pool';
import { transformSafely } from './transform-safely';

/**
 * How run() transforms its files: on the worker pool (`--jobs`) for the first pass, in this
 * thread for the few files cross-file conversion and project mode transform again, and through
 * the `--cache` store for both when there is one.
 *
 * A cache key is the build hash, the file's text and every option the transforms see, as JSON:
 * the run's options, the file's Node target, the versions of the dependencies its package has
 * installed and the summaries read from them, and for a second pass the callees' conversions and
 * summaries that cross-file conversion hands in (externalApis, packageCallees). A change in a
 * callee's file that changes what its callers are told changes their keys.
 */
export interface FileTransformer {
  transform(text: string, options: TransformSourceOptions): Promise<FileResult>;
  transformNow(text: string, options: TransformSourceOptions): FileResult;
  /** A file's facts for the package model (src/analysis/module-facts.ts), through the cache when there is one. */
  readFacts(source: string, relative: string): ModuleFacts;
  close(): Promise<void>;
  /** How the results' cache went (not counting the facts'), when there is a cache. */
  readonly cacheStats?: CacheStats;
  /** Worker threads started. */
  readonly workers: number;
}

/** `cacheLocation`: the `--cache` folder; results go in it, the package model's file facts in its `facts/` folder. */
export function createFileTransformer(jobs: number, cacheLocation: string | undefined): FileTransformer {
  const pool = createTransformPool(jobs);
  const cache = cacheLocation === undefined ? undefined : openResultCache(cacheLocation);
  const factsCache = cacheLocation === undefined ? undefined : openResultCache(path.join(cacheLocation, 'facts'));
  return {
    async transform(text, options) {
      if (!cache) return pool.transform(text, options);
      const key = cacheKey(text, options);
      const cached = cache.get<FileResult>(key);
      if (cached) return fromCache(cached, text);
      const result = await pool.transform(text, options);
      cache.set(key, toCache(result));
      return result;
    },
    transformNow(text, options) {
      if (!cache) return transformSafely(text, options);
      const key = cacheKey(text, options);
      const cached = cache.get<FileResult>(key);
      if (cached) return fromCache(cached, text);
      const result = transformSafely(text, options);
      cache.set(key, toCache(result));
      return result;
    },
    readFacts(source, relative) {
      if (!factsCache) return readModuleFacts(source, relative);
      const key = createHash('sha256').update(buildHash()).update('\0').update(relative).update('\0').update(source).digest('hex');
      const cached = factsCache.get<ModuleFacts>(key);
      if (cached) return cached;
      const facts = readModuleFacts(source, relative);
      factsCache.set(key, facts);
      return facts;
    },
    close: () => pool.close(),
    cacheStats: cache?.stats,
    get workers() {
      return pool.started;
    },
  };
}

export function cacheKey(text: string, options: TransformSourceOptions): string {
  return createHash('sha256').update(buildHash()).update('\0').update(text).update('\0').update(JSON.stringify(options)).digest('hex');
}

/** The text as read is the key's, not stored again; the field stays in place so that results from the cache list their fields in the same order. */
function toCache(result: FileResult): FileResult {
  return result.source === undefined ? result : { ...result, source: '' };
}

function fromCache(cached: FileResult, text: string): FileResult {
  return cached.source === undefined ? cached : { ...cached, source: text };
}
