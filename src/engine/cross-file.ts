import * as path from 'node:path';
import { droppedValueMethods } from '../analysis/member-reads';
import { inlineCallbackShare, modelOfFile, packageCallsOf, packageFunctionAt, type PackageCall } from '../analysis/package-calls';
import type { PackageModel } from '../analysis/types';
import { toReportPath } from '../io/paths';
import { judgePackageCallee } from '../transforms/callbacks-to-async/package-callees';
import type { CallerLeft, CrossFileSummary, ExternalApi, FileResult, PackageCallee } from '../types';

/**
 * Cross-file conversion through the package model (on by default, `--no-cross-file` turns it
 * off; project mode's type checker takes over where it runs). Each file was first converted on
 * its own; here a call of another file's package function is given what the model knows:
 *
 * - the function converted to an async function in its own file: the call awaits it
 *   (`externalApis`, by callee text, as project mode does), in rounds, since a caller that
 *   converts can make its own callers convertible;
 * - it stays a callback function: its summary judges the call (`packageCallees`), so the call is
 *   no unknown callee;
 * - a file that changed and defines a method no file of the package reads but as a dropped-value
 *   call (`droppedMethods`): an async IIFE that ends it may become the async method.
 *
 * Files outside the run's paths are read by the model, never transformed or written. A file
 * that cannot be written (`unwritable`) converts nothing its callers may await: they keep
 * their callbacks, so writing never leaves a caller awaiting a function that still takes one.
 */

export interface CrossFileInput {
  cwd: string;
  /** Absolute paths of the run's files, index-aligned with `results`. */
  files: readonly string[];
  results: readonly FileResult[];
  models: readonly PackageModel[];
  /** Runs the transforms over file `index` again, from its text as read, with these options (on the worker threads, when there are some). */
  retransform(index: number, extra: CrossFileOptions): Promise<FileResult>;
  /** Why a file of the run cannot be written (--write), or undefined; asked only of files whose functions others would await. */
  writeProblem?(file: string): Promise<string | undefined>;
}

export interface CrossFileOptions {
  externalApis?: ExternalApi[];
  packageCallees?: PackageCallee[];
  droppedMethods?: string[];
}

export interface CrossFileOutput {
  results: FileResult[];
  summary: CrossFileSummary;
}

/** Rounds of re-running files: a caller that converts can make its own callers convertible. */
const maxRounds = 8;

interface Converted {
  index: number;
  valueCount: number;
}

export async function convertWithPackageModel(input: CrossFileInput): Promise<CrossFileOutput> {
  const calls = input.files.map((file) => {
    const model = modelOfFile(input.models, file);
    return model ? packageCallsOf(model, file).filter((call) => !call.target.sameFile) : [];
  });
  const run = new CrossFileRun(input, calls);
  const methods = droppedMethodsOf(input);
  if (calls.some((list) => list.length > 0) || methods.size > 0) await run.convert(methods);
  run.noteCallersLeft();
  return { results: run.results, summary: run.summary() };
}

/** Of the run's calls with an inline error-first callback, those whose callee the model resolves; the others by name, most frequent first. */
function inlineCallbacksOf(input: CrossFileInput): CrossFileSummary['inlineCallbackCalls'] {
  let total = 0;
  let resolved = 0;
  const unresolved = new Map<string, number>();
  for (const model of input.models) {
    const share = inlineCallbackShare(model, input.files.filter((file) => modelOfFile([model], file)));
    total += share.total;
    resolved += share.resolved;
    for (const [name, count] of Object.entries(share.unresolvedByName)) unresolved.set(name, (unresolved.get(name) ?? 0) + count);
  }
  const topUnresolved = [...unresolved]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 10)
    .map(([callee, calls]) => ({ callee, calls }));
  return { total, resolved, topUnresolved };
}

class CrossFileRun {
  readonly results: FileResult[];
  private readonly options = new Map<number, CrossFileOptions>();
  private readonly unwritable = new Map<number, string>();
  private readonly writeChecked = new Set<number>();
  private rounds = 0;

  constructor(
    private readonly input: CrossFileInput,
    private readonly calls: readonly PackageCall[][],
  ) {
    this.results = [...input.results];
  }

  async convert(methods: ReadonlyMap<number, string[]>): Promise<void> {
    const first = new Map(this.judgeCallsOfCallbackFunctions());
    for (const [index, droppedMethods] of methods) first.set(index, { ...first.get(index), droppedMethods });
    await this.apply([...first]);
    for (this.rounds = 0; this.rounds < maxRounds; this.rounds++) {
      const converted = await this.convertedFunctions();
      const batch: Array<[number, CrossFileOptions]> = [];
      this.calls.forEach((list, index) => {
        if (list.length === 0) return;
        const externalApis = this.externalApisOf(index, converted);
        const previous = this.options.get(index) ?? {};
        if (sameExternals(previous.externalApis ?? [], externalApis)) return;
        batch.push([index, { ...previous, externalApis }]);
      });
      if (batch.length === 0) break;
      await this.apply(batch);
    }
    this.noteAwaitedFiles();
  }

  /**
   * Each converted function's callers in other files of its package that still pass a callback:
   * calls in the run that were not converted (no rewrite reported at the call), and calls in
   * files the run's paths leave out. They keep working through the dual API; the report lists
   * them next to the function (ConvertedApi.callersLeft).
   */
  noteCallersLeft(): void {
    const converted = this.convertedApiIds();
    if (converted.size === 0) return;
    const runIndex = new Map(this.input.files.map((file, index) => [file, index]));
    const left = new Map<string, CallerLeft[]>();
    for (const model of this.input.models) {
      for (const relative of Object.keys(model.modules)) {
        const file = path.join(model.root, relative);
        const index = runIndex.get(file);
        const calls = index === undefined ? packageCallsOf(model, file) : this.calls[index];
        for (const call of calls) {
          if (call.target.sameFile || !converted.has(call.target.id)) continue;
          if (index !== undefined && this.rewroteAt(index, call)) continue;
          const list = left.get(call.target.id) ?? [];
          list.push({ path: toReportPath(this.input.cwd, file), line: call.line, column: call.column, reason: index === undefined ? 'outside-run' : 'not-converted' });
          left.set(call.target.id, list);
        }
      }
    }
    for (const [id, callers] of left) {
      const index = converted.get(id)!.index;
      const result = this.results[index];
      const model = modelOfFile(this.input.models, this.input.files[index])!;
      const apis = (result.convertedApis ?? []).map((api) => {
        if (packageFunctionAt(model, this.input.files[index], api.line, api.name)?.id !== id) return api;
        return { ...api, callersLeft: [...(api.callersLeft ?? []), ...callers] };
      });
      this.results[index] = { ...result, convertedApis: apis };
    }
  }

  /** Every function the run's files converted, by model id, with the index of its file. */
  private convertedApiIds(): Map<string, { index: number }> {
    const ids = new Map<string, { index: number }>();
    this.results.forEach((result, index) => {
      if (result.status !== 'changed') return;
      const model = modelOfFile(this.input.models, this.input.files[index]);
      if (!model) return;
      for (const api of result.convertedApis ?? []) {
        const fn = packageFunctionAt(model, this.input.files[index], api.line, api.name);
        if (fn) ids.set(fn.id, { index });
      }
    });
    return ids;
  }

  /**
   * Did the file's run rewrite this call (it now awaits)? A rewrite reported at the call, or a
   * converted function around it whose one finding names the call's callee among the
   * operations it now awaits.
   */
  private rewroteAt(index: number, call: PackageCall): boolean {
    return this.results[index].findings.some((finding) => {
      if (!finding.applied) return false;
      const start = finding.before ?? finding;
      if (start.line === call.line && start.column === call.column) return true;
      const inside = start.line <= call.line && call.line <= start.endLine;
      return inside && finding.messageId === 'functionNowAsyncAwaiting' && `${finding.data?.operations ?? ''}`.split(', ').includes(`\`${call.callee}\``);
    });
  }

  /** Each file that awaits another file's functions names it, so that writing keeps them together. */
  private noteAwaitedFiles(): void {
    for (const [index, options] of this.options) {
      const texts = new Set((options.externalApis ?? []).map((api) => api.callee));
      const from = new Set(this.calls[index].filter((call) => texts.has(call.callee)).map((call) => toReportPath(this.input.cwd, call.target.file)));
      if (from.size > 0 && this.results[index].status === 'changed') this.results[index] = { ...this.results[index], awaitsFrom: [...from].sort() };
    }
  }

  summary(): CrossFileSummary {
    const callsAwaited = [...this.options.values()].reduce((sum, options) => sum + (options.externalApis?.length ?? 0), 0);
    return {
      packages: this.input.models.map((model) => toReportPath(this.input.cwd, model.root) || '.'),
      filesRead: this.input.models.reduce((sum, model) => sum + model.filesRead, 0),
      callsResolved: this.calls.reduce((sum, list) => sum + list.length, 0),
      calleesAwaited: callsAwaited,
      filesRetransformed: this.options.size,
      fellBack: [...this.unwritable].map(([index, reason]) => ({ path: this.results[index].path, reason })),
      inlineCallbackCalls: inlineCallbacksOf(this.input),
    };
  }

  /** Transforms the files again with their new options; one round's files do not depend on each other, so they run side by side. */
  private async apply(batch: ReadonlyArray<[number, CrossFileOptions]>): Promise<void> {
    const results = await Promise.all(batch.map(([index, options]) => {
      this.options.set(index, options);
      const extra: CrossFileOptions = {};
      if (options.externalApis && options.externalApis.length > 0) extra.externalApis = options.externalApis;
      if (options.packageCallees && options.packageCallees.length > 0) extra.packageCallees = options.packageCallees;
      if (options.droppedMethods && options.droppedMethods.length > 0) extra.droppedMethods = options.droppedMethods;
      return this.input.retransform(index, extra);
    }));
    batch.forEach(([index], i) => (this.results[index] = results[i]));
  }

  /**
   * Calls of functions that stay callback functions are judged by their summaries. Only files
   * where a summary proves something (once and later, or twice, never, synchronously) are
   * transformed again; a summary that proves nothing leaves the call as an unknown callee.
   */
  private judgeCallsOfCallbackFunctions(): Array<[number, CrossFileOptions]> {
    const batch: Array<[number, CrossFileOptions]> = [];
    this.calls.forEach((list, index) => {
      const callees: PackageCallee[] = [];
      for (const call of list) {
        const summary = call.target.summary;
        // A callback handed on by name (`op(…, cb)`) may be taken as an unknown callee's: judged alike.
        if (call.last === 'function' || !summary) continue;
        callees.push({
          at: `${call.line}:${call.column}`,
          name: call.target.name,
          definedIn: toReportPath(this.input.cwd, call.target.file),
          calls: summary.calls,
          timing: summary.timing,
          ...(summary.paths.some((entry) => entry.throws) && { throws: true }),
          ...(summary.paths.some((entry) => entry.via.includes('next-tick') || entry.via.includes('promise')) && { viaMicrotask: true }),
        });
      }
      if (!callees.some((callee) => judgePackageCallee(callee, []).kind !== 'unknown')) return;
      batch.push([index, { packageCallees: callees }]);
    });
    return batch;
  }

  /** The package functions the run's files made async, by model id; not those of a file that cannot be written. */
  private async convertedFunctions(): Promise<Map<string, Converted>> {
    const converted = new Map<string, Converted>();
    for (const [index, result] of this.results.entries()) {
      if (result.status !== 'changed' || !result.convertedApis || result.convertedApis.length === 0) continue;
      const file = this.input.files[index];
      const model = modelOfFile(this.input.models, file);
      if (!model || !this.isAwaitedElsewhere(file)) continue;
      if (!(await this.isWritable(index))) continue;
      for (const api of result.convertedApis) {
        const fn = packageFunctionAt(model, file, api.line, api.name);
        if (fn) converted.set(fn.id, { index, valueCount: api.valueCount });
      }
    }
    return converted;
  }

  private awaitedFiles?: Set<string>;

  /** Some other file of the run calls a function of `file`. */
  private isAwaitedElsewhere(file: string): boolean {
    this.awaitedFiles ??= new Set(this.calls.flat().map((call) => call.target.file));
    return this.awaitedFiles.has(file);
  }

  private async isWritable(index: number): Promise<boolean> {
    if (!this.input.writeProblem) return true;
    if (!this.writeChecked.has(index)) {
      this.writeChecked.add(index);
      const problem = await this.input.writeProblem(this.input.files[index]);
      if (problem) this.unwritable.set(index, problem);
    }
    return !this.unwritable.has(index);
  }

  /**
   * The calls of file `index` that can await a function of another file: callee text and value
   * count. The engine matches calls by their text, so a text is given only when every call
   * written that way in the file reaches a converted function with the same value count.
   */
  private externalApisOf(index: number, converted: Map<string, Converted>): ExternalApi[] {
    const model = modelOfFile(this.input.models, this.input.files[index])!;
    const relative = path.relative(model.root, this.input.files[index]).split(path.sep).join('/');
    const written = new Map<string, number>();
    for (const call of model.modules[relative]?.callbackCalls ?? []) written.set(call.text, (written.get(call.text) ?? 0) + 1);
    const byText = new Map<string, { count: number; valueCount: number | null; maySync: boolean }>();
    for (const call of this.calls[index]) {
      const target = converted.get(call.target.id);
      const entry = byText.get(call.callee);
      const valueCount = target && (!entry || entry.valueCount === target.valueCount) ? target.valueCount : null;
      // The model's summary says whether it called back synchronously anywhere (no summary: it may have).
      const maySync = (entry?.maySync ?? false) || call.target.summary?.timing !== 'deferred';
      byText.set(call.callee, { count: (entry?.count ?? 0) + 1, valueCount: entry && entry.valueCount === null ? null : valueCount, maySync });
    }
    return [...byText]
      .filter(([text, entry]) => entry.valueCount !== null && entry.count === written.get(text))
      .map(([callee, entry]): ExternalApi => ({ callee, valueCount: entry.valueCount!, ...(entry.maySync && { maySyncCallBack: true }) }))
      .sort((a, b) => (a.callee < b.callee ? -1 : a.callee > b.callee ? 1 : 0));
  }
}

/** For each changed file of the run, the names of its methods that every read in the package calls with the value dropped. */
function droppedMethodsOf(input: CrossFileInput): Map<number, string[]> {
  const byModel = new Map<PackageModel, Set<string>>();
  const methods = new Map<number, string[]>();
  input.files.forEach((file, index) => {
    if (input.results[index].status !== 'changed') return;
    const model = modelOfFile(input.models, file);
    if (!model) return;
    if (!byModel.has(model)) byModel.set(model, droppedValueMethods(model));
    const dropped = byModel.get(model)!;
    const facts = model.modules[path.relative(model.root, file).split(path.sep).join('/')];
    const names = [...new Set((facts?.functions ?? []).flatMap((fn) => (fn.methodName !== undefined && dropped.has(fn.methodName) ? [fn.methodName] : [])))].sort();
    if (names.length > 0) methods.set(index, names);
  });
  return methods;
}

function sameExternals(a: readonly ExternalApi[], b: readonly ExternalApi[]): boolean {
  return a.length === b.length && a.every((api, i) => api.callee === b[i].callee && api.valueCount === b[i].valueCount && api.maySyncCallBack === b[i].maySyncCallBack);
}
