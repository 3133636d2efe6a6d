import { findPromisableApi, toNodeModuleName } from '../transforms/callbacks-to-async/node-api-table';
import { once, startPath } from './paths';
import type { BuiltinName, CallbackPath, Callee, CallbackParam } from './types';

/**
 * How a callee runs the function it is given at an argument position: the paths the summaries
 * compose with. Node APIs come from the Node API table, timers and promises from their
 * definitions, the package's own functions from their current summaries.
 */

export type Protocol = { paths: CallbackPath[] } | { unknown: string };

const builtinProtocols: Record<BuiltinName, (index: number) => Protocol> = {
  setTimeout: (index) => (index === 0 ? { paths: [once(false, ['timer'])] } : { unknown: 'setTimeout argument other than the first' }),
  setInterval: (index) => (index === 0 ? { paths: [{ calls: 2, sync: false, via: ['timer'] }] } : { unknown: 'setInterval argument' }),
  setImmediate: (index) => (index === 0 ? { paths: [once(false, ['set-immediate'])] } : { unknown: 'setImmediate argument' }),
  'process.nextTick': (index) => (index === 0 ? { paths: [once(false, ['next-tick'])] } : { unknown: 'process.nextTick argument' }),
  queueMicrotask: () => ({ paths: [once(false, ['promise'])] }),
  // A reaction runs at most once, in a promise job; which of then/catch runs is not known here.
  'promise.then': () => ({ paths: [startPath, once(false, ['promise'])] }),
  // One of the two handlers of `.then(onFulfilled, onRejected)` runs, once, in a promise job.
  'promise.settle': () => ({ paths: [once(false, ['promise'])] }),
  'new Promise': (index) => (index === 0 ? { paths: [once(true, [])] } : { unknown: 'new Promise argument' }),
  'array.iterate': () => ({ paths: [startPath, once(true, []), { calls: 2, sync: true, via: [] }] }),
  'emitter.on': () => ({ unknown: 'registered as an event listener (.on)' }),
  'emitter.once': () => ({ unknown: 'registered as an event listener (.once)' }),
};

export interface PackageCallbackView {
  callback?: CallbackParam;
  name: string;
  paths: readonly CallbackPath[];
}

/** How `callee` runs its argument `index` (`last`: it is the last argument of the call). */
export function protocolOf(callee: Callee, index: number, last: boolean, packageFunction: (id: string) => PackageCallbackView | undefined): Protocol {
  switch (callee.kind) {
    case 'builtin':
      return builtinProtocols[callee.name](index);
    case 'unresolved':
      return { unknown: `given to ${callee.text}(), which is not resolved` };
    case 'node': {
      const module = toNodeModuleName(callee.module);
      // Every API of the table takes something before its callback (`crypto.randomBytes(size)` alone is synchronous).
      if (!last || index === 0) return { unknown: `given to ${callee.module}.${callee.name}() other than as its callback` };
      if (module && (findPromisableApi(module, callee.name) || (module === 'fs' && callee.name === 'exists'))) {
        return { paths: [once(false, ['node-api'])] };
      }
      return { unknown: `given to ${callee.module}.${callee.name}(), which the Node API table does not describe` };
    }
    case 'package': {
      const fn = packageFunction(callee.id);
      const callback = fn?.callback;
      if (!fn || !callback) return { unknown: `given to ${fn?.name ?? callee.id}(), which does not call its last parameter back` };
      // With optional arguments left out, the callback comes earlier than its parameter.
      const fits = last && index <= callback.index && callback.index - index <= callback.optional.length;
      if (!fits) return { unknown: `given to ${fn.name}() in a position other than its callback` };
      // Paths that throw synchronously reach the caller as an exception, not through the callback.
      return { paths: fn.paths.filter((path) => !path.throws) };
    }
  }
}

/** Node APIs whose callback is error-first (the table's promisable ones). */
export function isErrorFirstNodeApi(callee: Callee): boolean {
  if (callee.kind !== 'node') return false;
  const module = toNodeModuleName(callee.module);
  return !!module && !!findPromisableApi(module, callee.name);
}
