import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ts } from 'ts-morph';
import { compareFindings, toFinding } from '../engine/findings';
import { toReportPath } from '../io/paths';
import type { ConvertedApi, ExternalApi, FileResult, Finding, ProjectApi, ProjectCaller, ProjectSummary, RunOptions } from '../types';
import { ProjectAnalysis, calleeText, type ProjectCall } from './analysis';
import { findProjectConfig, ProjectConfigError, resolveProjectOption } from './config';
import { findEntryFiles } from './entry-points';
import { updateInterfaces, type InterfaceUpdate } from './interfaces';
import { listConfigFiles, loadProject, MissingTsMorphError, type TypeScript } from './load';

/** What a file is given on top of the run's options in project mode. */
export interface ProjectFileOptions {
  externalApis?: ExternalApi[];
  promiseOnly?: string[];
  resolvedCalls?: string[];
}

export interface ProjectModeInput {
  cwd: string;
  /** Absolute paths of the run's files, index-aligned with `results`. */
  files: readonly string[];
  /** The run's results so far (each file converted on its own). */
  results: readonly FileResult[];
  options: RunOptions;
  /** Runs the transforms over file `index` again, from its text as read, with these options. */
  retransform(index: number, extra: ProjectFileOptions): FileResult;
}

export interface ProjectModeOutput {
  results: FileResult[];
  summary: ProjectSummary;
}

/** Rounds of re-running files: a caller that converts can make its own callers convertible. */
const maxRounds = 8;
const transformId = 'callbacks-to-async';
const typeScriptFile = /\.(ts|tsx|mts|cts)$/;

interface ConvertedFunction {
  index: number;
  api: ConvertedApi;
  node: ts.Node;
  arity: number;
}

/** Project mode could have mattered but could not run: what the run did instead (Report.notices). */
export interface ProjectModeNotice {
  notice: string;
}

/**
 * Project mode: converts exported callback functions together with their callers in other
 * files. Undefined when it does not apply (not asked for, and no config file in scope or no
 * callback API that crosses files); a notice when it would turn on by itself but ts-morph is missing.
 */
export async function convertProject(input: ProjectModeInput): Promise<ProjectModeOutput | ProjectModeNotice | undefined> {
  const decision = await decideProjectMode(input);
  if (!decision || 'notice' in decision) return decision;
  let loaded;
  try {
    loaded = await loadProject(decision.configPath, input.files);
  } catch (error) {
    // Only --project gets here without ts-morph: the automatic mode stopped at listConfigFiles.
    if (error instanceof MissingTsMorphError) {
      throw new ProjectConfigError(`--project: ${error.message}. Without --project each file is converted on its own: calls in other files are left as they are.`);
    }
    // Asked for, a config that cannot be loaded is an error; on its own, project mode just stays off.
    if (decision.mode === 'automatic' && error instanceof ProjectConfigError) return undefined;
    throw error;
  }
  const run = new ProjectRun(input, new ProjectAnalysis(loaded));
  return run.convert(decision);
}

function describeWithoutTsMorph(input: ProjectModeInput, configPath: string, mention: { word: string; file: string }, error: MissingTsMorphError): string {
  const where = `${toReportPath(input.cwd, configPath)} is in scope and ${mention.word}, a converted callback function, is used in ${toReportPath(input.cwd, mention.file)}`;
  return `project mode: ${where}, so callers in other files might convert with it, but ${error.message}. Each file was converted on its own, as with --no-project (which also silences this notice).`;
}

interface Decision {
  configPath: string;
  mode: ProjectSummary['mode'];
  reason?: string;
}

async function decideProjectMode(input: ProjectModeInput): Promise<Decision | ProjectModeNotice | undefined> {
  const { project } = input.options;
  if (project === false) return undefined;
  if (typeof project === 'string') return { configPath: await resolveProjectOption(project, input.cwd), mode: 'requested' };
  if (project === true) {
    // From the first path given (a directory, or a file's directory) upward.
    const first = path.resolve(input.cwd, input.options.paths[0] ?? '.');
    const start = (await fs.stat(first).then((stat) => stat.isDirectory(), () => false)) ? first : path.dirname(first);
    const configPath = (await findProjectConfig(start)) ?? (await findProjectConfig(input.cwd));
    if (!configPath) throw new ProjectConfigError(`--project: no tsconfig.json or jsconfig.json in ${toReportPath(input.cwd, start)} or above it`);
    return { configPath, mode: 'requested' };
  }
  return decideAutomatically(input);
}

/**
 * On by itself only when it can matter: a file exports a callback function it converted, a
 * config file above it lists that file, and another file of that project mentions the function.
 * Until a config file is found above such a file nothing but a few small reads is spent and
 * ts-morph is not loaded. Without ts-morph, the same check over the run's own files decides
 * whether a notice says that project mode might matter.
 */
async function decideAutomatically(input: ProjectModeInput): Promise<Decision | ProjectModeNotice | undefined> {
  const defining = input.results
    .map((result, index) => ({ index, apis: (result.convertedApis ?? []).filter((api) => api.exported) }))
    .filter((entry) => entry.apis.length > 0);
  if (defining.length === 0) return undefined;
  const configs = new Map<string, number[]>();
  for (const entry of defining) {
    const config = await findProjectConfig(path.dirname(input.files[entry.index]));
    if (config) configs.set(config, [...(configs.get(config) ?? []), entry.index]);
  }
  for (const [configPath, indexes] of configs) {
    let listed: string[];
    let missingTsMorph: MissingTsMorphError | undefined;
    try {
      listed = await listConfigFiles(configPath);
    } catch (error) {
      if (error instanceof MissingTsMorphError) {
        // Without ts-morph the config's list of files is unknown: the run's own files stand in for it.
        missingTsMorph = error;
        listed = [...input.files];
      } else if (error instanceof ProjectConfigError) {
        listed = [];
      } else {
        throw error;
      }
    }
    const projectFiles = new Set(listed);
    for (const index of indexes.filter((i) => projectFiles.has(input.files[i]))) {
      const file = input.files[index];
      const apis = defining.find((entry) => entry.index === index)!.apis;
      // A function exported as `module.exports = function …` has no name of its own: its module's does.
      const words = [...new Set(apis.map((api) => api.name || path.basename(file).replace(/\.[^.]+$/, '')))];
      const mention = await findMention(words, [...projectFiles].filter((other) => other !== file), input);
      if (mention && missingTsMorph) return { notice: describeWithoutTsMorph(input, configPath, mention, missingTsMorph) };
      if (mention) {
        const reason = `${path.relative(input.cwd, configPath) || path.basename(configPath)} is in scope and ${mention.word} of ${toReportPath(input.cwd, file)} is used in ${toReportPath(input.cwd, mention.file)}`;
        return { configPath, mode: 'automatic', reason };
      }
    }
  }
  return undefined;
}

async function findMention(words: string[], files: string[], input: ProjectModeInput): Promise<{ word: string; file: string } | undefined> {
  const patterns = words.map((word) => ({ word, pattern: new RegExp(`\\b${word.replace(/[$]/g, '\\$')}\\b`) }));
  const known = new Map(input.files.map((file, index) => [file, input.results[index].source]));
  for (const file of files) {
    const text = known.get(file) ?? (await fs.readFile(file, 'utf8').catch(() => ''));
    const hit = patterns.find(({ pattern }) => pattern.test(text));
    if (hit) return { word: hit.word, file };
  }
  return undefined;
}

class ProjectRun {
  private readonly ts: TypeScript;
  private readonly results: FileResult[];
  private readonly fileOptions = new Map<number, ProjectFileOptions>();
  private readonly indexOf: Map<string, number>;
  private readonly callsByFile = new Map<string, ProjectCall[]>();
  private readonly typedCalls = new Set<ProjectCall>();
  private rounds = 0;
  /** The names converted functions are reached by: method calls by other names cannot reach them. */
  private names = new Set<string>();

  constructor(private readonly input: ProjectModeInput, private readonly analysis: ProjectAnalysis) {
    this.ts = analysis.project.ts;
    this.results = [...input.results];
    this.indexOf = new Map(input.files.map((file, index) => [file, index]));
    for (const call of analysis.allCalls()) {
      const list = this.callsByFile.get(call.file);
      if (list) list.push(call);
      else this.callsByFile.set(call.file, [call]);
    }
  }

  convert(decision: Decision): ProjectModeOutput {
    this.convertCallers();
    this.stopAssumingResolvedCallees();
    const interfaces = this.interfaceUpdatesNeeded();
    const outcome = this.settleDualApis();
    const interfacesUpdated = this.applyInterfaceUpdates(interfaces);
    this.reportCallersLeft(outcome.callersLeft, outcome.converted);
    return {
      results: this.results,
      summary: {
        config: toReportPath(this.input.cwd, decision.configPath),
        mode: decision.mode,
        ...(decision.reason && { reason: decision.reason }),
        files: this.analysis.sourceFiles().length,
        apis: outcome.apis,
        callersConverted: outcome.apis.reduce((sum, api) => sum + api.callersConverted, 0),
        callersLeft: outcome.callersLeft.map(({ caller }) => caller),
        typedCalls: [...this.typedCalls].filter((call) => this.isCallConverted(call, call.argCount)).length,
        interfacesUpdated,
      },
    };
  }

  /** Rounds: give every file the converted functions it calls, until nothing more converts. */
  private convertCallers(): void {
    for (this.rounds = 0; this.rounds < maxRounds; this.rounds++) {
      const converted = this.convertedFunctions();
      let changed = false;
      this.input.files.forEach((file, index) => {
        const externalApis = this.externalApisOf(file, index, converted);
        const previous = this.fileOptions.get(index) ?? {};
        if (sameExternals(previous.externalApis ?? [], externalApis)) return;
        const options = { ...previous, externalApis };
        this.fileOptions.set(index, options);
        this.results[index] = this.retransform(index, options);
        changed = true;
      });
      if (!changed) return;
    }
  }

  private retransform(index: number, options: ProjectFileOptions): FileResult {
    const extra: ProjectFileOptions = {};
    if (options.externalApis && options.externalApis.length > 0) extra.externalApis = options.externalApis;
    if (options.promiseOnly && options.promiseOnly.length > 0) extra.promiseOnly = options.promiseOnly;
    if (options.resolvedCalls && options.resolvedCalls.length > 0) extra.resolvedCalls = options.resolvedCalls;
    return this.input.retransform(index, extra);
  }

  /** The callback functions the run's files made async, by their node in the project. */
  private convertedFunctions(): Map<ts.Node, ConvertedFunction> {
    const converted = new Map<ts.Node, ConvertedFunction>();
    this.names = new Set<string>();
    this.results.forEach((result, index) => {
      if (result.status !== 'changed') return;
      for (const api of result.convertedApis ?? []) {
        const found = this.analysis.functionOf(this.input.files[index], api);
        if (!found) continue;
        converted.set(found.node, { index, api, node: found.node, arity: found.arity });
        for (const name of this.analysis.namesOf(found.node)) this.names.add(name);
      }
    });
    return converted;
  }

  /**
   * The calls of `file` that can await a function of another file: callee text and value
   * count. A callee text is given only when every call written that way reaches converted
   * functions with the same value count (or a typed API with a promise form): the engine
   * matches calls by their text.
   */
  private externalApisOf(file: string, index: number, converted: Map<ts.Node, ConvertedFunction>): ExternalApi[] {
    const byText = new Map<string, number | null>();
    const typescript = typeScriptFile.test(file);
    for (const call of this.callsByFile.get(file) ?? []) {
      if (!call.calleeText || !call.rootAccepted) continue;
      if (this.handledInFile(call, index, converted)) continue;
      const valueCount = this.valueCountOf(call, converted, typescript);
      const previous = byText.get(call.calleeText);
      if (valueCount === undefined || (previous !== undefined && previous !== valueCount)) byText.set(call.calleeText, null);
      else byText.set(call.calleeText, valueCount);
    }
    return [...byText]
      .filter((entry): entry is [string, number] => entry[1] !== null)
      .map(([callee, valueCount]) => ({ callee, valueCount }))
      .sort((a, b) => (a.callee < b.callee ? -1 : a.callee > b.callee ? 1 : 0));
  }

  /** Calls the engine already follows in the defining file: the function by its name, or `this.method`. */
  private handledInFile(call: ProjectCall, index: number, converted: Map<ts.Node, ConvertedFunction>): boolean {
    const targets = this.targetsOf(call);
    if (!targets) return false;
    const entries = [...targets].map((target) => converted.get(target));
    if (!entries.every((entry) => entry && entry.index === index)) return false;
    return !call.calleeText.includes('.') || /^this\.[^.]+$/.test(call.calleeText);
  }

  /** What a call reaches, asked only of calls that can reach a converted function by name. */
  private targetsOf(call: ProjectCall): ReadonlySet<ts.Node> | undefined {
    return this.analysis.mayReach(call, this.names) ? this.analysis.targetsOf(call.node) : undefined;
  }

  private valueCountOf(call: ProjectCall, converted: Map<ts.Node, ConvertedFunction>, typescript: boolean): number | undefined {
    const targets = this.targetsOf(call);
    if (targets) {
      const entries = [...targets].map((target) => converted.get(target));
      if (entries.length === 0 || !entries.every(Boolean)) return undefined;
      const counts = new Set(entries.map((entry) => entry!.api.valueCount));
      if (counts.size !== 1) return undefined;
      // A TypeScript caller that reaches the function through a declared member (an interface)
      // type-checks only if that declaration can be updated too.
      if (typescript && this.analysis.declaredMembersOf(call.node).some((member) => !this.isUpdatable(member))) return undefined;
      // Nor when the function's type is written elsewhere (`const load: Loader = (id, cb) => …`): that type keeps the callback.
      if (typescript && entries.some((entry) => this.analysis.hasDeclaredType(entry!.node))) return undefined;
      return [...counts][0];
    }
    if (!call.inlineCallback || this.analysis.isNodeCoreCall(call)) return undefined;
    const typed = this.analysis.typedCallback(call.node);
    if (typed.kind !== 'promise-form') return undefined;
    this.typedCalls.add(call);
    return typed.valueCount;
  }

  /** An interface member in a file of the run, whose callback parameter is a function type. */
  private isUpdatable(member: ts.Node): boolean {
    const ts = this.ts;
    const file = path.resolve(member.getSourceFile().fileName);
    if (!this.indexOf.has(file) || !typeScriptFile.test(file)) return false;
    if (!ts.isMethodSignature(member)) return false;
    const last = member.parameters[member.parameters.length - 1];
    return !!last && !!last.type && ts.isFunctionTypeNode(last.type) && ts.isIdentifier(last.name) && !last.dotDotDotToken;
  }

  /** The interface members callers in TypeScript files go through, and what their implementations became. */
  private interfaceUpdatesNeeded(): InterfaceUpdate[] {
    const converted = this.convertedFunctions();
    const updates = new Map<ts.Node, InterfaceUpdate>();
    this.fileOptions.forEach((options, index) => {
      const registered = new Set((options.externalApis ?? []).map((api) => api.callee));
      for (const call of this.callsByFile.get(this.input.files[index]) ?? []) {
        if (!registered.has(call.calleeText)) continue;
        for (const member of this.analysis.declaredMembersOf(call.node)) {
          if (updates.has(member) || !this.isUpdatable(member)) continue;
          const targets = this.targetsOf(call);
          const entries = targets ? [...targets].map((target) => converted.get(target)) : [];
          if (entries.length === 0 || !entries.every(Boolean)) continue;
          updates.set(member, { member: member as ts.MethodSignature, file: path.resolve(member.getSourceFile().fileName), dual: entries.some((entry) => entry!.api.dual) });
        }
      }
    });
    return [...updates.values()];
  }

  private applyInterfaceUpdates(updates: InterfaceUpdate[]): number {
    let count = 0;
    const byFile = new Map<string, InterfaceUpdate[]>();
    for (const update of updates) byFile.set(update.file, [...(byFile.get(update.file) ?? []), update]);
    for (const [file, list] of byFile) {
      const index = this.indexOf.get(file)!;
      const result = this.results[index];
      if (result.source === undefined || result.status === 'error' || result.status === 'skipped') continue;
      const text = result.status === 'changed' && result.output !== undefined ? result.output : result.source;
      const edited = updateInterfaces(this.ts, file, text, list, this.input.options.parser);
      if (edited.count === 0 || edited.text === text) continue;
      this.results[index] = { ...result, status: 'changed', output: edited.text };
      count += edited.count;
    }
    return count;
  }

  /**
   * Which converted functions may drop their callback form: not methods (instances travel),
   * not exported by the package's entry points (unless --api promise), called from other files,
   * every such call converted and no use as a value anywhere. The others keep the dual API.
   */
  private settleDualApis(): { apis: ProjectApi[]; callersLeft: Array<{ caller: ProjectCaller; api: ConvertedFunction }>; converted: Map<ts.Node, ConvertedFunction> } {
    let converted = this.convertedFunctions();
    const entryFiles = findEntryFilesSync(this.analysis, this.input.cwd);
    const publicFunctions = this.analysis.publicFunctions(entryFiles);
    const callsOf = this.callsByTarget(converted);
    const promiseOnly = new Map<number, string[]>();
    const apis: ProjectApi[] = [];
    const callersLeft: Array<{ caller: ProjectCaller; api: ConvertedFunction }> = [];
    for (const fn of converted.values()) {
      const definedIn = this.input.files[fn.index];
      const calls = (callsOf.get(fn.node) ?? []).filter((call) => !(call.file === definedIn && this.handledInFile(call, fn.index, converted)));
      if (calls.length === 0 && !fn.api.exported) continue;
      const label = fn.api.owner ? `${fn.api.owner}.${fn.api.name}` : fn.api.name || path.basename(definedIn);
      const left: ProjectCaller[] = [];
      let callersConverted = 0;
      for (const call of calls) {
        const callerIndex = this.indexOf.get(call.file);
        const reason = callerIndex === undefined ? 'outside-run' : this.isCallConverted(call, fn.arity) ? undefined : 'not-converted';
        if (!reason) callersConverted++;
        else left.push(this.caller(label, definedIn, call.file, call, reason));
      }
      const valueUses = fn.api.owner ? [] : this.analysis.valueUsesOf(fn.node);
      for (const use of valueUses) left.push(this.caller(label, definedIn, use.file, use, 'used-as-value'));
      // A call of the same name on a value of no type (`s.load(id, cb)` with `s` a JavaScript
      // parameter) may be this function: the checker cannot tell, so it may still pass a callback.
      if (!fn.api.owner) {
        for (const call of this.unresolvedCallsNamed(this.analysis.namesOf(fn.node), fn.arity)) left.push(this.caller(label, definedIn, call.file, call, 'unresolved'));
      }
      for (const caller of left) callersLeft.push({ caller, api: fn });
      if (calls.length === 0 && left.length === 0) continue;
      const keptDual: ProjectApi['keptDual'] = fn.api.owner
        ? 'method'
        : publicFunctions.has(fn.node) && this.input.options.api !== 'promise'
          ? 'public-entry'
          : left.some((caller) => caller.reason === 'used-as-value')
            ? 'used-as-value'
            : left.length > 0
              ? 'callers-left'
              : calls.length === 0
                ? 'no-callers'
                : undefined;
      const dropsCallback = !keptDual && fn.api.dual && !!fn.api.name;
      if (dropsCallback) promiseOnly.set(fn.index, [...(promiseOnly.get(fn.index) ?? []), fn.api.name]);
      apis.push({
        name: label,
        path: this.results[fn.index].path,
        line: fn.api.line,
        callers: calls.length,
        callersConverted,
        dual: fn.api.dual && !dropsCallback,
        ...(keptDual && fn.api.dual && { keptDual }),
      });
    }
    for (const [index, names] of promiseOnly) {
      const options = { ...(this.fileOptions.get(index) ?? {}), promiseOnly: names.sort() };
      const after = this.retransform(index, options);
      const reportPath = this.results[index].path;
      const sameConversions = after.status === 'changed' && names.every((name) => (after.convertedApis ?? []).some((api) => api.name === name));
      if (!sameConversions) {
        // The file converted differently with those options: it stays as it was, dual API and all.
        for (const entry of apis) if (entry.path === reportPath && names.includes(entry.name)) entry.dual = true;
        continue;
      }
      this.fileOptions.set(index, options);
      this.results[index] = after;
      // The engine keeps the callback form where a call in the function's own file still passes one.
      for (const entry of apis) {
        if (entry.path !== reportPath || !names.includes(entry.name)) continue;
        entry.dual = (after.convertedApis ?? []).some((api) => api.name === entry.name && api.dual);
        if (entry.dual) entry.keptDual = 'callers-in-file';
      }
    }
    if (promiseOnly.size > 0) converted = this.convertedFunctions();
    apis.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
    return { apis, callersLeft, converted };
  }

  private unresolvedCallsNamed(names: ReadonlySet<string>, arity: number): ProjectCall[] {
    const ts = this.ts;
    return this.analysis.allCalls().filter((call) => {
      const callee = call.node.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
      if (!name || !names.has(name)) return false;
      if (call.argCount < arity && !call.inlineCallback) return false;
      return this.analysis.isUntypedCall(call);
    });
  }

  private caller(name: string, definedIn: string, file: string, at: { line: number; column: number }, reason: ProjectCaller['reason']): ProjectCaller {
    const cwd = this.input.cwd;
    return { name, definedIn: toReportPath(cwd, definedIn), path: toReportPath(cwd, file), line: at.line, column: at.column, reason };
  }

  private callsByTarget(converted: Map<ts.Node, ConvertedFunction>): Map<ts.Node, ProjectCall[]> {
    const map = new Map<ts.Node, ProjectCall[]>();
    for (const call of this.analysis.allCalls()) {
      const targets = this.targetsOf(call);
      if (!targets) continue;
      for (const target of targets) {
        if (!converted.has(target)) continue;
        map.set(target, [...(map.get(target) ?? []), call]);
      }
    }
    return map;
  }

  /**
   * Did the caller's file stop passing a callback at this call? Its output holds no call of the
   * same callee text that still passes one, or the engine reported this very call converted.
   */
  private isCallConverted(call: ProjectCall, arity: number): boolean {
    const index = this.indexOf.get(call.file);
    if (index === undefined) return false;
    const result = this.results[index];
    if (result.status !== 'changed' || result.output === undefined) return false;
    const registered = (this.fileOptions.get(index)?.externalApis ?? []).some((api) => api.callee === call.calleeText);
    if (!registered) return false;
    const convertedHere = [...result.findings, ...(result.suppressed ?? [])].some(
      (finding) => finding.line === call.line && finding.column === call.column && finding.ruleId === 'timing/callback-moved-to-microtask' && finding.applied,
    );
    if (convertedHere) return true;
    return !this.stillPassesCallback(result.output, call.file, call.calleeText, arity);
  }

  private readonly parsedOutputs = new Map<string, ts.SourceFile>();

  private stillPassesCallback(output: string, file: string, text: string, arity: number): boolean {
    const ts = this.ts;
    const key = `${file}\0${output.length}`;
    let sourceFile = this.parsedOutputs.get(key);
    if (!sourceFile || sourceFile.text !== output) {
      sourceFile = ts.createSourceFile(file, output, ts.ScriptTarget.Latest, true, scriptKindOf(ts, file));
      this.parsedOutputs.set(key, sourceFile);
    }
    let found = false;
    const visit = (node: ts.Node): void => {
      if (found) return;
      if (ts.isCallExpression(node) && calleeText(ts, node.expression) === text) {
        const last = node.arguments[node.arguments.length - 1];
        if (node.arguments.length >= arity || (last && (ts.isArrowFunction(last) || ts.isFunctionExpression(last)))) found = true;
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    return found;
  }

  /**
   * By default the engine converts a call of a function it cannot see as an unknown callee. Here
   * the checker sees more: a call that reaches a function of the project is converted by the
   * rounds or left with a reason, and a callback that only looks error-first by its names
   * (`(err: Error) => void` of a list of errors) is none. Such files are transformed again
   * without those assumptions. Not in a scan, whose counts include them.
   */
  private stopAssumingResolvedCallees(): void {
    if (this.input.options.analyze) return;
    this.results.forEach((result, index) => {
      const calls = this.callsByFile.get(this.input.files[index]) ?? [];
      const resolved = result.findings.filter((finding) => {
        if (finding.ruleId !== 'timing/unknown-callee') return false;
        const call = calls.find((candidate) => candidate.line === finding.line && candidate.column === finding.column);
        if (!call) return false;
        return this.analysis.typedCallback(call.node).kind === 'not-error-first' || (this.analysis.targetsOf(call.node)?.size ?? 0) > 0;
      });
      if (resolved.length === 0) return;
      const previous = this.fileOptions.get(index) ?? {};
      const options = { ...previous, resolvedCalls: [...new Set([...(previous.resolvedCalls ?? []), ...resolved.map((finding) => `${finding.line}:${finding.column}`)])] };
      this.fileOptions.set(index, options);
      this.results[index] = this.retransform(index, options);
    });
  }

  /**
   * Every call left with a callback keeps working through the dual API (or, with --api promise,
   * no longer gets its callback called): said at the call when its file is in the run, and at
   * the function otherwise (a file outside the run's paths is read, never written).
   */
  private reportCallersLeft(callersLeft: Array<{ caller: ProjectCaller; api: ConvertedFunction }>, converted: Map<ts.Node, ConvertedFunction>): void {
    const added = new Map<number, Finding[]>();
    const add = (index: number, finding: Finding) => added.set(index, [...(added.get(index) ?? []), finding]);
    for (const { caller, api } of callersLeft) {
      const current = converted.get(api.node)?.api ?? api.api;
      const promiseOnly = !current.dual;
      const where = `${caller.path}:${caller.line}:${caller.column}`;
      const reason =
        caller.reason === 'used-as-value' ? 'UsedAsValue' : caller.reason === 'unresolved' ? 'Unresolved' : caller.reason === 'outside-run' ? 'OutsideRun' : 'Left';
      const messageId = `${promiseOnly ? 'promiseOnlyCaller' : 'dualCaller'}${reason}`;
      const data = { name: caller.name, where };
      const ruleId = promiseOnly ? 'timing/callback-maybe-not-called' : 'timing/extra-microtask-ticks';
      const callerIndex = this.indexOf.get(path.resolve(this.input.cwd, caller.path));
      const atCaller = callerIndex !== undefined && caller.reason !== 'outside-run';
      const index = atCaller ? callerIndex : api.index;
      const line = atCaller ? caller.line : current.line;
      const column = atCaller ? caller.column : 1;
      const node = { loc: { start: { line, column: column - 1 }, end: { line, column: column - 1 } } };
      add(index, toFinding({ ruleId, messageId, data, node, applied: true }, this.results[index].path, transformId));
    }
    for (const [index, findings] of added) {
      const result = this.results[index];
      this.results[index] = { ...result, findings: [...result.findings, ...findings].sort(compareFindings) };
    }
  }
}

function sameExternals(a: readonly ExternalApi[], b: readonly ExternalApi[]): boolean {
  return a.length === b.length && a.every((api, i) => api.callee === b[i].callee && api.valueCount === b[i].valueCount);
}

function scriptKindOf(ts: TypeScript, file: string): ts.ScriptKind {
  if (/\.tsx$/.test(file)) return ts.ScriptKind.TSX;
  if (typeScriptFile.test(file)) return ts.ScriptKind.TS;
  if (/\.jsx$/.test(file)) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}

function findEntryFilesSync(analysis: ProjectAnalysis, cwd: string): string[] {
  return findEntryFiles(analysis.project.program.getCompilerOptions(), analysis.project.configPath, cwd, analysis.project.fileNames);
}
