import { createHash } from 'node:crypto';
import type { ResultCacheStore } from '../io/result-cache';
import type { FileResult, TransformSourceOptions } from '../types';
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
  close(): Promise<void>;
  /** Worker threads started. */
  readonly workers: number;
}

export function createFileTransformer(jobs: number, cache: ResultCacheStore | undefined): FileTransformer {
  const pool = createTransformPool(jobs);
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
    close: () => pool.close(),
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
