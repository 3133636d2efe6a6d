import { isErrorFirstNodeApi, type PackageCallbackView } from './callee-protocols';
import { evaluateEffect } from './evaluate-effect';
import { samePaths } from './paths';
import type { PackageResolver } from './resolve';
import { stronglyConnectedComponents } from './scc';
import type { CallCount, Callee, CallbackApiSummary, CallbackPath, Effect, FunctionFacts, ModuleFacts, Timing, ValueShape } from './types';

/**
 * Callback-API summaries, bottom-up: the call graph's strongly connected components are taken
 * callees first, and inside each a worklist re-evaluates a function whenever a callee in the
 * same component changed, until nothing changes (recursion and cycles included).
 */

interface Working {
  fn: FunctionFacts;
  paths: CallbackPath[];
  unknownBecause: string[];
}

/** Every node of one kind in a tree, in order. */
function collect<T extends Effect['k']>(effect: Effect, kind: T, found: Array<Extract<Effect, { k: T }>> = []) {
  if (effect.k === kind) found.push(effect as Extract<Effect, { k: T }>);
  const children = effect.k === 'seq' ? effect.items : effect.k === 'branch' ? effect.options : effect.k === 'loop' || effect.k === 'nested' || effect.k === 'local' ? [effect.body] : effect.k === 'try' ? [effect.block, effect.handler, effect.finalizer] : [];
  for (const child of children) if (child) collect(child, kind, found);
  return found;
}

const callbackName = /^(cb|callback|done|cb_|callback_)$/i;

export function computeSummaries(modules: Readonly<Record<string, ModuleFacts>>, resolver: PackageResolver): Map<string, Working & { errorFirst: boolean; handedOn: CallbackApiSummary['handedOn'] }> {
  const working = new Map<string, Working>();
  for (const facts of Object.values(modules)) {
    for (const fn of facts.functions) if (fn.callback) working.set(fn.id, { fn, paths: [], unknownBecause: [] });
  }
  const resolveIn = (fn: FunctionFacts) => (ref: Parameters<PackageResolver['resolveCallee']>[1]) => resolver.resolveCallee(fn.file, ref);
  const edges = new Map<string, string[]>();
  for (const [id, entry] of working) {
    const resolve = resolveIn(entry.fn);
    const effect = entry.fn.callback!.effect;
    const ids = [...collect(effect, 'handoff'), ...collect(effect, 'nested')].map((found) => resolve(found.callee)).filter((c): c is Extract<Callee, { kind: 'package' }> => c.kind === 'package' && working.has(c.id)).map((c) => c.id);
    edges.set(id, [...new Set(ids)]);
  }
  const view = (id: string): PackageCallbackView | undefined => {
    const entry = working.get(id);
    return entry && { callback: entry.fn.callback, name: entry.fn.name, paths: entry.paths };
  };
  const order = stronglyConnectedComponents([...working.keys()], (id) => edges.get(id) ?? []);
  for (const component of order) solveComponent(component, working, edges, resolveIn, view);

  // Error-first: by its own calls, or by handing the callback to an error-first API (callees first).
  const errorFirst = new Map<string, boolean>();
  const result = new Map<string, Working & { errorFirst: boolean; handedOn: CallbackApiSummary['handedOn'] }>();
  for (const component of order) {
    for (let round = 0; round < component.length + 1; round++) {
      for (const id of component) {
        const entry = working.get(id)!;
        const handoffs = collect(entry.fn.callback!.effect, 'handoff').filter((h) => h.last && h.index > 0);
        const resolve = resolveIn(entry.fn);
        const byHandoff = handoffs.some((h) => {
          const callee = resolve(h.callee);
          return isErrorFirstNodeApi(callee) || (callee.kind === 'package' && errorFirst.get(callee.id) === true);
        });
        // A callback only handed on to callees that cannot be read is taken by its name.
        const byName = !entry.fn.callback!.calledDirectly && callbackName.test(entry.fn.callback!.name);
        errorFirst.set(id, entry.fn.callback!.errorFirstCall || byHandoff || byName);
      }
    }
  }
  for (const [id, entry] of working) {
    const resolve = resolveIn(entry.fn);
    const handedOn = collect(entry.fn.callback!.effect, 'handoff').map((h) => ({ callee: resolve(h.callee), text: h.text, line: h.line }));
    result.set(id, { ...entry, errorFirst: errorFirst.get(id) ?? false, handedOn });
  }
  return result;
}

function solveComponent(
  component: string[],
  working: Map<string, Working>,
  edges: Map<string, string[]>,
  resolveIn: (fn: FunctionFacts) => (ref: Parameters<PackageResolver['resolveCallee']>[1]) => Callee,
  view: (id: string) => PackageCallbackView | undefined,
): void {
  const members = new Set(component);
  const dependents = new Map<string, string[]>();
  for (const id of component) {
    for (const callee of edges.get(id) ?? []) if (members.has(callee)) dependents.set(callee, [...(dependents.get(callee) ?? []), id]);
  }
  const worklist = [...component];
  const queued = new Set(component);
  // The lattice is finite, so this ends; the bound only guards against a bug.
  let budget = 64 * component.length;
  while (worklist.length > 0 && budget-- > 0) {
    const id = worklist.shift()!;
    queued.delete(id);
    const entry = working.get(id)!;
    const evaluation = evaluateSafely(entry.fn, resolveIn, view);
    entry.unknownBecause = evaluation.unknownBecause;
    if (samePaths(evaluation.paths, entry.paths)) continue;
    entry.paths = evaluation.paths;
    for (const dependent of dependents.get(id) ?? []) {
      if (!queued.has(dependent)) {
        queued.add(dependent);
        worklist.push(dependent);
      }
    }
  }
}

function evaluateSafely(
  fn: FunctionFacts,
  resolveIn: (fn: FunctionFacts) => (ref: Parameters<PackageResolver['resolveCallee']>[1]) => Callee,
  view: (id: string) => PackageCallbackView | undefined,
) {
  try {
    return evaluateEffect(fn.callback!.effect, { resolve: resolveIn(fn), packageFunction: view });
  } catch (error) {
    // Not proven, with the reason, rather than a run that ends.
    return { paths: [{ calls: 0, sync: false, via: [], unknown: true }] as CallbackPath[], unknownBecause: [`internal error: ${(error as Error).message}`] };
  }
}

/** The words a summary's paths come to. */
export function classifyPaths(paths: readonly CallbackPath[]): { calls: CallCount; timing: Timing } {
  const ending = paths.filter((path) => !path.throws);
  const unknown = ending.some((path) => path.unknown);
  let calls: CallCount;
  if (unknown || ending.length === 0) calls = 'unknown';
  else if (ending.some((path) => path.calls === 2)) calls = 'maybe-twice';
  else if (ending.some((path) => path.calls === 0)) calls = 'maybe-never';
  else calls = 'once';
  const calling = ending.filter((path) => path.calls > 0);
  const syncPaths = calling.filter((path) => path.sync).length;
  let timing: Timing;
  if (syncPaths > 0) timing = syncPaths === calling.length && !unknown ? 'sync' : 'sync-on-some-path';
  else timing = unknown || calling.length === 0 ? 'unknown' : 'deferred';
  return { calls, timing };
}

export function valuesOf(effect: Effect): CallbackApiSummary['values'] {
  const calls = [...collect(effect, 'call'), ...collect(effect, 'handoff').filter((h) => h.values !== undefined).map((h) => ({ values: h.values! }))];
  const isError = (values: ValueShape[]) => values.length > 0 && (values[0] === 'error' || values[0] === 'value');
  const errorCalls = calls.filter((call) => isError(call.values)).length;
  const arities = calls.filter((call) => !isError(call.values) && !call.values.includes('spread')).map((call) => Math.max(0, call.values.length - 1));
  return { errorCalls, successArities: [...new Set(arities)].sort((a, b) => a - b) };
}

export function storesOf(effect: Effect): CallbackApiSummary['stored'] {
  return collect(effect, 'stored').map(({ where, line }) => ({ where, line }));
}
