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
  /**
   * A file's first pass. With `factsOf` (the file's absolute path, and its path in its package) its
   * facts for the package model are read with it, in the worker, and readFacts gives them back.
   */
  transform(text: string, options: TransformSourceOptions, factsOf?: { file: string; relative: string }): Promise<FileResult>;
  transformNow(text: string, options: TransformSourceOptions): FileResult;
  /** A file's facts for the package model (src/analysis/module-facts.ts): read with its first pass, from the cache, or read now. */
  readFacts(source: string, relative: string, file?: string): ModuleFacts;
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
  const factsKey = (source: string, relative: string) => createHash('sha256').update(buildHash()).update('\0').update(relative).update('\0').update(source).digest('hex');
  // Facts the workers read with the first pass, by absolute path, until the package model takes them.
  const readAlready = new Map<string, { source: string; relative: string; facts: ModuleFacts }>();
  const firstPass = async (text: string, options: TransformSourceOptions, factsOf: { file: string; relative: string } | undefined): Promise<FileResult> => {
    const { result, facts } = await pool.transformWithFacts(text, options, factsOf?.relative);
    if (facts && factsOf) {
      readAlready.set(factsOf.file, { source: text, relative: factsOf.relative, facts });
      factsCache?.set(factsKey(text, factsOf.relative), facts);
    }
    return result;
  };
  return {
    async transform(text, options, factsOf) {
      if (!cache) return firstPass(text, options, factsOf);
      const key = cacheKey(text, options);
      const cached = cache.get<FileResult>(key);
      if (cached) return fromCache(cached, text);
      const result = await firstPass(text, options, factsOf);
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
    readFacts(source, relative, file) {
      const known = file === undefined ? undefined : readAlready.get(file);
      if (known) readAlready.delete(file!);
      if (known && known.source === source && known.relative === relative) return known.facts;
      if (!factsCache) return readModuleFacts(source, relative);
      const key = factsKey(source, relative);
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
