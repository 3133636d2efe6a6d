import type { CallbackPath, Mechanism } from './types';

/**
 * The path algebra of callback summaries. A path says how often the callback was called (0, 1,
 * 2 for "two or more"), whether a call was synchronous, and what deferred the calls. Sets of
 * paths are kept without duplicates; the lattice is finite, so fixpoints end.
 */

export const startPath: CallbackPath = { calls: 0, sync: false, via: [] };

export function pathKey(path: CallbackPath): string {
  return `${path.calls}${path.sync ? 's' : 'd'}${path.throws ? 't' : ''}${path.unknown ? 'u' : ''}${path.suspended ? 'a' : ''}:${path.via.join(',')}`;
}

export function uniquePaths(paths: readonly CallbackPath[]): CallbackPath[] {
  const seen = new Map<string, CallbackPath>();
  for (const path of paths) if (!seen.has(pathKey(path))) seen.set(pathKey(path), path);
  return [...seen.values()].sort((a, b) => (pathKey(a) < pathKey(b) ? -1 : pathKey(a) > pathKey(b) ? 1 : 0));
}

export function samePaths(a: readonly CallbackPath[], b: readonly CallbackPath[]): boolean {
  return a.length === b.length && a.every((path, index) => pathKey(path) === pathKey(b[index]));
}

function unionVia(a: readonly Mechanism[], b: readonly Mechanism[]): Mechanism[] {
  return [...new Set([...a, ...b])].sort();
}

function clamp(calls: number): 0 | 1 | 2 {
  return calls >= 2 ? 2 : (calls as 0 | 1);
}

/** `second` happening after `first` on the same path (counts add up). After an await, nothing is synchronous. */
export function followPath(first: CallbackPath, second: CallbackPath): CallbackPath {
  const resumed = first.suspended && second.calls > 0;
  return {
    calls: clamp(first.calls + second.calls),
    sync: first.sync || (second.sync && !first.suspended),
    via: unionVia(first.via, resumed && second.sync ? [...second.via, 'promise'] : second.via),
    ...(first.throws && { throws: true }),
    ...((first.unknown || second.unknown) && { unknown: true }),
    ...(first.suspended && { suspended: true }),
  };
}

/** A path as a summary gives it out: the await marker is the function's own business. */
export function finishPath({ suspended: _suspended, ...path }: CallbackPath): CallbackPath {
  return path;
}

/**
 * A function's path `inner` run the way a callee runs its function argument (`outer`): never,
 * once or many times, synchronously or deferred.
 */
export function runInside(outer: CallbackPath, inner: CallbackPath): CallbackPath {
  const unknown = outer.unknown || inner.unknown;
  if (outer.calls === 0 || inner.calls === 0) return { calls: 0, sync: false, via: [], ...(unknown && { unknown: true }) };
  return {
    calls: clamp(outer.calls * inner.calls),
    sync: outer.sync && inner.sync,
    via: outer.sync ? inner.via : unionVia(outer.via, inner.via),
    ...(unknown && { unknown: true }),
  };
}

export function markUnknown(path: CallbackPath): CallbackPath {
  return { ...path, unknown: true };
}

export function once(sync: boolean, via: Mechanism[]): CallbackPath {
  return { calls: 1, sync, via };
}
