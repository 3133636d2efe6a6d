import * as path from 'node:path';
import type { PackageResolver } from './resolve';
import type { CallbackApiSummary, CallbackCall, FunctionFacts, PackageModel } from './types';

/**
 * The cross-file interface of the package model, as plain data: given a file, the calls it makes
 * (with a callback as last argument) that resolve to a function of its own package, each with
 * that function's callback-API summary. The engine's cross-file conversion
 * (src/engine/cross-file.ts) reads only this; so can any later step (converting APIs across the
 * package, #15).
 */

/** One call of a package function, as a file makes it. */
export interface PackageCall {
  /** 1-based, as the file was read: the engine's `line:column` of the call. */
  line: number;
  column: number;
  /** The callee as written: `load`, `store.load`, `this.load`. */
  callee: string;
  /** The last argument: an inline error-first function, another inline function, or a name. */
  last: CallbackCall['last'];
  target: PackageFunction;
}

/** The package function a call resolves to. */
export interface PackageFunction {
  /** Unique in the package: `lib/a.js#load`. */
  id: string;
  /** Absolute path of its file. */
  file: string;
  /** As a reader names it: `load`, `Store#read`. */
  name: string;
  line: number;
  /** It is defined in the calling file. */
  sameFile: boolean;
  /** Its callback-API summary; undefined when its last parameter is no error-first callback. */
  summary?: CallbackApiSummary;
}

/** The resolver each model was built with (kept beside the model, which stays plain data). */
const resolvers = new WeakMap<PackageModel, PackageResolver>();

export function rememberResolver(model: PackageModel, resolver: PackageResolver): void {
  resolvers.set(model, resolver);
}

/** The model whose package holds this absolute file (undefined when none read it). */
export function modelOfFile(models: readonly PackageModel[], file: string): PackageModel | undefined {
  return models.find((model) => relativeIn(model, file) !== undefined);
}

function relativeIn(model: PackageModel, file: string): string | undefined {
  const relative = path.relative(model.root, file).split(path.sep).join('/');
  return relative.startsWith('..') || path.isAbsolute(relative) || !(relative in model.modules) ? undefined : relative;
}

/**
 * Every call of `file` (absolute) with a callback as last argument whose callee resolves to a
 * function of the package, in source order. Calls the model cannot resolve are not listed.
 */
export function packageCallsOf(model: PackageModel, file: string): PackageCall[] {
  const relative = relativeIn(model, file);
  const resolver = resolvers.get(model);
  if (relative === undefined || !resolver) return [];
  const functions = functionIndex(model);
  const summaries = summaryIndex(model);
  const calls: PackageCall[] = [];
  for (const call of model.modules[relative].callbackCalls) {
    const callee = resolver.resolveCallee(relative, call.ref);
    if (callee.kind !== 'package') continue;
    const fn = functions.get(callee.id);
    if (!fn) continue;
    calls.push({
      line: call.line,
      column: call.column,
      callee: call.text,
      last: call.last,
      target: { id: fn.id, file: path.join(model.root, fn.file), name: fn.name, line: fn.line, sameFile: fn.file === relative, summary: summaries.get(fn.id) },
    });
  }
  return calls.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * Of the calls in these files (absolute) with an inline error-first callback: how many, how
 * many have a callee resolved to a Node API or a package function, and the others by callee text.
 */
export function inlineCallbackShare(model: PackageModel, files: readonly string[]): { total: number; resolved: number; unresolvedByName: Record<string, number> } {
  const resolver = resolvers.get(model);
  const share = { total: 0, resolved: 0, unresolvedByName: {} as Record<string, number> };
  for (const file of files) {
    const relative = relativeIn(model, file);
    if (relative === undefined || !resolver) continue;
    for (const call of model.modules[relative].callbackCalls) {
      if (call.last !== 'error-first-function') continue;
      share.total += 1;
      const callee = resolver.resolveCallee(relative, call.ref);
      if (callee.kind === 'package' || callee.kind === 'node') share.resolved += 1;
      else share.unresolvedByName[call.text] = (share.unresolvedByName[call.text] ?? 0) + 1;
    }
  }
  return share;
}

/** The package function defined in `file` (absolute) at `line`, by its name when several start there. */
export function packageFunctionAt(model: PackageModel, file: string, line: number, name?: string): FunctionFacts | undefined {
  const relative = relativeIn(model, file);
  if (relative === undefined) return undefined;
  const candidates = model.modules[relative].functions.filter((fn) => fn.line === line);
  return candidates.length <= 1 ? candidates[0] : (candidates.find((fn) => fn.methodName === name || fn.name === name || fn.name.endsWith(`.${name}`)) ?? candidates[0]);
}

const functionIndexes = new WeakMap<PackageModel, Map<string, FunctionFacts>>();
const summaryIndexes = new WeakMap<PackageModel, Map<string, CallbackApiSummary>>();

function functionIndex(model: PackageModel): Map<string, FunctionFacts> {
  let index = functionIndexes.get(model);
  if (!index) {
    index = new Map(Object.values(model.modules).flatMap((facts) => facts.functions.map((fn) => [fn.id, fn] as const)));
    functionIndexes.set(model, index);
  }
  return index;
}

function summaryIndex(model: PackageModel): Map<string, CallbackApiSummary> {
  let index = summaryIndexes.get(model);
  if (!index) {
    index = new Map(model.apis.map((api) => [api.id, api]));
    summaryIndexes.set(model, index);
  }
  return index;
}
