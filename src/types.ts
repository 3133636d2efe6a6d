import type { PackageReport } from './analysis/types';

export type { CallbackApiSummary, CallbackPath, Callee, PackageReport } from './analysis/types';

export type Severity = 'info' | 'warning' | 'error';

/** Where the code sits in the source: 1-based lines and columns. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * One spot in a file where timing changes (applied: true) or where the code was left as it
 * was (applied: false); `message` says what and why.
 */
export interface Finding extends Span {
  ruleId: string;
  severity: Severity;
  message: string;
  /**
   * Which of the rule's messages this is (`Rule.messages`, as ESLint rules do), so a test can
   * pin the reason and not only the rule; `message` is its template with `data` filled in.
   */
  messageId?: string;
  data?: MessageData;
  path: string;
  transform: string;
  applied: boolean;
  /** After --write, line and column point into the written file; this is where the spot was before the rewrite. */
  before?: Span;
}

export type FileStatus = 'changed' | 'unchanged' | 'skipped' | 'error';

export interface FileError {
  message: string;
  line?: number;
  column?: number;
}

export interface FileResult {
  path: string;
  status: FileStatus;
  /** The rewritten text, only when status is 'changed'. */
  output?: string;
  /** The text as read, kept so that diffs and writes need no second read. */
  source?: string;
  findings: Finding[];
  error?: FileError;
  /** Why the file was left out, only when status is 'skipped'. */
  reason?: string;
  /** Findings that an `awaitify-ignore-next-line` comment silenced; counted in summary.suppressed. */
  suppressed?: Finding[];
  /** The analysis of `awaitify scan` (run with `analyze`). */
  scan?: FileScan;
  /** Callback functions of this file that became async (see ConvertedApi). */
  convertedApis?: ConvertedApi[];
  /**
   * Files (report paths) whose converted functions this output awaits (cross-file mode): it is
   * written only after they are, and not at all when one of them could not be.
   */
  awaitsFrom?: string[];
  /** The oldest Node major the rewritten file runs on, and what sets it (changed files only). */
  nodeFloor?: NodeRequirement;
  /** The file's package.json `engines.node` range, when run() found one. */
  enginesNode?: string;
  /** The helpers (by exported name) the rewritten file imports from its package's helper module. */
  helpers?: string[];
  /** The file did not exist: the run creates it (the package's helper module). */
  created?: boolean;
  /** --write wrote the output: findings point into it (Finding.before is where they were). */
  written?: boolean;
}

/** What the rewritten code needs: Node `major` or later, because of `feature`. */
export interface NodeRequirement {
  major: number;
  feature: string;
}

/**
 * The Node version the rewritten files need, against what package.json allows. awaitify never
 * edits package.json: `outdated` says that engines.node should be raised by hand.
 */
export interface NodeFloorSummary extends NodeRequirement {
  /** The file that needs it (the first one, in report order). */
  path: string;
  /** That file's engines.node, if its package declares one. */
  engines?: string;
  /** True when engines.node allows a Node older than `major` (or declares nothing). */
  outdated: boolean;
}

/**
 * One spot a transform looked at: converted (the rewrite replaced it) or refused (left as it
 * was, for a person to look at). `ruleId` is the conversion's rule or the refusal's reason.
 */
export interface Site extends Span {
  kind: SiteKind;
  transform: string;
  ruleId: string;
  converted: boolean;
  message: string;
}

/**
 * - `callback-call`: a call that passes a callback (fs.readFile(p, cb), a local callback API);
 * - `callback-function`: a function of the file that takes a callback (its own callback API);
 * - `timer`: a setTimeout, setImmediate or setInterval call, or a promise delay.
 */
export type SiteKind = 'callback-call' | 'callback-function' | 'timer';

/** Nested things the scan measures in the source: callback pyramids and timer chains. */
export interface Nesting extends Span {
  /** Levels of nested callbacks, 2 or more. */
  depth: number;
  /** A timer chain made by a function that schedules itself again. */
  recursive?: boolean;
  /** The sites inside it that would convert, and those left for a person. */
  converted: number;
  refused: number;
  /** The rule ids of the refusals inside it, each once. */
  refusedRules: string[];
}

export interface FileScanTotals {
  /** Spots the transforms looked at. */
  sites: number;
  converted: number;
  /** Refused spots: a person has to decide. */
  needsPerson: number;
  /** Source lines inside those spots, all of them, converted ones, and refused ones not inside a converted one. */
  callbackLines: number;
  convertedLines: number;
  needsPersonLines: number;
  pyramids: number;
  deepestPyramid: number;
  timerChains: number;
  syncCallbacks: number;
  multipleCalls: number;
}

export interface FileScan {
  sites: Site[];
  pyramids: Nesting[];
  timerChains: Nesting[];
  /** Functions that call their callback synchronously on some path (timing/sync-callback-now-async). */
  syncCallbacks: Site[];
  /** Callbacks that can be called more than once (timing/multiple-callback-calls). */
  multipleCalls: Site[];
  totals: FileScanTotals;
}

export interface ScanTotals extends FileScanTotals {
  /** Files with at least one site. */
  filesWithCallbacks: number;
  /** Files the rewrite would change. */
  filesToChange: number;
}

export interface Summary {
  scanned: number;
  changed: number;
  unchanged: number;
  skipped: number;
  failed: number;
  findings: number;
  findingsByRule: Record<string, number>;
  /** Findings silenced by `awaitify-ignore-next-line` comments. */
  suppressed: number;
  /** Project totals of `awaitify scan`. */
  scan?: ScanTotals;
  /** What project mode did, when it ran (`--project`, or on its own: see ProjectSummary.mode). */
  project?: ProjectSummary;
  /** The Node version the changed files need, when any file changed. */
  nodeFloor?: NodeFloorSummary;
  /** The package model of `awaitify scan`: each package's callback APIs and their protocols (src/analysis/). */
  packages?: PackageReport[];
  /** Exported callback APIs whose contract changed (changed files only); see PublicChange. */
  publicChanges?: PublicChange[];
  /** Converted callback APIs that keep callers passing a callback, each caller with the reason (changed files only). */
  callersLeft?: ApiCallersLeft[];
  /** What cross-file conversion through the package model did (src/engine/cross-file.ts); absent with --no-cross-file and in project mode. */
  crossFile?: CrossFileSummary;
}

/** Cross-file conversion through the package model (on by default; `--no-cross-file` turns it off). */
export interface CrossFileSummary {
  /** Package roots read (relative to the run's directory; `.` for itself). */
  packages: string[];
  /** Files the models read, the run's and the others of their packages (read, never written). */
  filesRead: number;
  /** Calls in the run's files (with a callback as last argument) resolved to a function of another file. */
  callsResolved: number;
  /** Callee texts awaited across files (each a function of another file that became async). */
  calleesAwaited: number;
  /** Files transformed again with what the model knows. */
  filesRetransformed: number;
  /** Files whose converted functions their callers do not await, because the file cannot be written, and why. */
  fellBack: Array<{ path: string; reason: string }>;
  /** Calls in the run's files with an inline error-first callback: how many have a callee resolved to a Node API or a package function. */
  inlineCallbackCalls: { total: number; resolved: number; topUnresolved: Array<{ callee: string; calls: number }> };
}

/**
 * Project mode (src/project/): callback APIs converted together with their callers in other
 * files, found through the type checker of a tsconfig.json or jsconfig.json.
 */
export interface ProjectSummary {
  /** The config file, relative to cwd. */
  config: string;
  /** `requested` with --project; `automatic` when a config file was in scope and a callback API crosses files. */
  mode: 'requested' | 'automatic';
  /** Why the automatic mode turned on. */
  reason?: string;
  /** Source files analysed (files outside the run's paths are read, never written). */
  files: number;
  /** Converted callback functions called from other files. */
  apis: ProjectApi[];
  /** Calls in other files that now await a converted function. */
  callersConverted: number;
  /** Calls that still pass a callback, or uses that may: they keep working through the dual API. */
  callersLeft: ProjectCaller[];
  /** Calls of typed APIs whose callback the checker proved error-first, converted to their promise form. */
  typedCalls: number;
  /** Interface members whose callback signature was updated to the converted one. */
  interfacesUpdated: number;
}

export interface ProjectApi {
  /** The function (`load`, `Catalog.describe`) and where it is defined. */
  name: string;
  path: string;
  line: number;
  /** Calls from other files, and how many of them now await it. */
  callers: number;
  callersConverted: number;
  /** It kept its callback form (dual API), and why. */
  dual: boolean;
  keptDual?: 'method' | 'public-entry' | 'callers-left' | 'used-as-value' | 'no-callers' | 'callers-in-file';
}

export interface ProjectCaller {
  /** The function called, and the file that defines it. */
  name: string;
  definedIn: string;
  path: string;
  line: number;
  column: number;
  /**
   * `outside-run`: the file is outside the run's paths (read, not written); `not-converted`: its
   * call was left as it was; `used-as-value`: passed on or stored; `unresolved`: a call of the
   * same name on a value of no known type, which may be this function.
   */
  reason: 'outside-run' | 'not-converted' | 'used-as-value' | 'unresolved';
}

export interface Report {
  files: FileResult[];
  summary: Summary;
  /** The absolute directory that file paths are relative to; writeResults needs it. */
  cwd?: string;
  /**
   * What the run could not do for want of an optional dependency (ts-morph for project mode,
   * the project's prettier for --prettier), and what it did instead. The command prints them on
   * stderr; they are not findings about a file.
   */
  notices?: string[];
}

export type ParserName = 'auto' | 'babel' | 'flow' | 'ts' | 'tsx';
export type ApiStyle = 'dual' | 'promise';
export type Target = 'auto' | 'node' | 'browser';

/** A callback function of another file that awaitify converts, as this file calls it. */
export interface ExternalApi {
  /** The callee as written here: `load`, `store.load`, `this.store.load`. */
  callee: string;
  /** How many values its callback received on success: 0 or 1, or more (then an array). */
  valueCount: number;
  /** It called back synchronously on some path (or may have): each call is flagged `timing/sync-callback-now-async`. */
  maySyncCallBack?: boolean;
}

/** A member set once, at module level, to a module's function (`storage.writeFile = fs.writeFile`; `''`: the module itself, `storage.mkdirp = mkdirp`). */
export interface MemberAlias {
  specifier: string;
  member: string;
}

/** A call of a package function of another file, as the package model summarises that function. */
export interface PackageCallee {
  /** `line:column` of the call, 1-based, as the file was read. */
  at: string;
  /** The function as a reader names it (`load`, `Store#read`), and its file as the report names it. */
  name: string;
  definedIn: string;
  calls: 'once' | 'maybe-never' | 'maybe-twice' | 'unknown';
  timing: 'deferred' | 'sync' | 'sync-on-some-path' | 'unknown';
  /** It throws on some path (an argument check): inside the wrapper that throw would become a rejection. */
  throws?: boolean;
  /**
   * It calls back from a process.nextTick or a promise job on some path: converted, the
   * continuation runs a promise job later, after the ticks and promise jobs queued meanwhile.
   */
  viaMicrotask?: boolean;
}

/** A callback function of this file that became async (for project mode). */
export interface ConvertedApi {
  /** Its name in this file (function, method or property name). */
  name: string;
  /** Class or object it is a method of, if any. */
  owner?: string;
  exported: boolean;
  valueCount: number;
  /** It kept a callback form (the dual API). */
  dual: boolean;
  line: number;
  /** `fn.length` before and after the rewrite (parameters before the first default or rest). */
  lengthBefore?: number;
  lengthAfter?: number;
  /** Calls that still pass it a callback, and uses as a value: they keep working through the dual API. */
  callersLeft?: CallerLeft[];
}

/**
 * A caller of a converted API left with a callback. `not-converted`: a call in the run that
 * still passes one (refused, or at a spot that stays callback-style); `used-as-value`: the
 * function is passed on or stored (it escapes); `outside-run`: a call in a file of the package
 * that the run's paths leave out (read, never written).
 */
export interface CallerLeft {
  /** The caller's file as the report names it; absent: the API's own file. */
  path?: string;
  line: number;
  column: number;
  reason: 'not-converted' | 'used-as-value' | 'outside-run';
}

/** A converted API with the callers it keeps that still pass a callback (Summary.callersLeft). */
export interface ApiCallersLeft {
  path: string;
  name: string;
  owner?: string;
  line: number;
  callers: Array<Required<Pick<CallerLeft, 'path'>> & CallerLeft>;
}

/**
 * An exported callback API whose contract changed: what a maintainer puts in the changelog.
 * `dual`: callers with a callback still work, and one without gets a promise; `promise`: the
 * callback form is gone, it returns a promise.
 */
export interface PublicChange {
  path: string;
  name: string;
  owner?: string;
  line: number;
  /** `async`: a prototype method made async whose every call in the package drops its value (it returned undefined). */
  form: 'promise' | 'dual' | 'async';
  lengthBefore?: number;
  lengthAfter?: number;
}

/** A dependency's callback function summarised from its source: calls back once, later, with this many values. */
export interface SourceSummary {
  /** `name@version` of the dependency. */
  label: string;
  values: number;
  valuesOnError: boolean;
}

/** Options every transform sees, already checked. */
export interface TransformOptions {
  /** Rule ids whose refusals are converted anyway (the finding stays). */
  allow: string[];
  /**
   * The rule ids the user named with --allow (a subset of `allow`, which adds the convert-and-flag
   * rules by default): some assumptions are made only when asked for by name.
   */
  allowedByName?: string[];
  api: ApiStyle;
  target: Target;
  /**
   * The lowest Node major version the target package supports (from engines.node);
   * undefined when unknown, which means "current Node".
   */
  minNodeMajor?: number;
  /**
   * Callback functions of other files that awaitify converts too (project mode): calls in this
   * file written as `callee` (`load`, `store.load`, `this.store.load`) await them.
   */
  externalApis?: ExternalApi[];
  /**
   * Calls (`line:column`, 1-based) the type checker resolved (project mode): to a function of the
   * project, or to a callback that only looks error-first by its names. Never converted on the
   * unknown-callee assumption: project mode converts them, or says why not.
   */
  resolvedCalls?: string[];
  /**
   * Calls (cross-file mode) of a function of another file of the package that stays a callback
   * function, with what the package model's summary of it proves. Such a call is no unknown
   * callee: a proven one converts through the local wrapper without the unknown-callee flag,
   * one that may call back twice or never keeps its callback, a synchronous one is flagged as such.
   */
  packageCallees?: PackageCallee[];
  /**
   * Method names (cross-file mode) that no file of the package reads but as a call whose value
   * is dropped (src/analysis/member-reads.ts): a prototype method of this file with such a name
   * that ends with an async IIFE may become the async method (iife-roots.ts).
   */
  droppedMethods?: string[];
  /**
   * Exported functions of this file whose every caller in the project converts: they may drop
   * their callback form (no dual API) even with `api: 'dual'`.
   */
  promiseOnly?: string[];
  /**
   * Lines (1-based, as in ctx.source) below an `// awaitify-ignore-next-line` comment that
   * names no rule: the user asks that the spot starting there be left alone. A transform that
   * reads this skips such spots and reports nothing there; the engine enforces it anyway by
   * leaving the whole file as it was when a rewrite starts on such a line
   * (src/engine/suppressions.ts).
   */
  skipLines?: ReadonlySet<number>;
  /**
   * The package's dependencies by npm name: the version installed in node_modules, else the
   * range its package.json asks for. Picks the ecosystem table's entry for a callee
   * (`mkdirp` 0.x calls back, 1.x returns a promise); a package missing here stays unknown.
   */
  dependencies?: Readonly<Record<string, string>>;
  /** The package calls graceful-fs's `gracefulify(fs)`: plain fs calls keep going through the patched module. */
  gracefulFs?: boolean;
  /**
   * Local modules that only re-export another (`lib/fs.js`: `module.exports = require('graceful-fs')`),
   * by the specifier this file requires them with: `{ './fs': 'graceful-fs' }`.
   */
  moduleAliases?: Readonly<Record<string, string>>;
  /**
   * Local modules whose exported object holds other modules' functions (nedb's lib/storage.js:
   * `storage.appendFile = fs.appendFile; … module.exports = storage`), by the specifier this file
   * requires them with, then by member: `{ './storage': { appendFile: { specifier: 'fs', member: 'appendFile' } } }`.
   */
  memberAliases?: Readonly<Record<string, Readonly<Record<string, MemberAlias>>>>;
  /**
   * Callback functions of dependencies the ecosystem table does not list, summarised from their
   * source in node_modules (src/engine/dependency-summaries.ts): by the specifier the file
   * requires, then by member (`''`: the module itself). Only those proven to call back once, later.
   */
  sourceSummaries?: Readonly<Record<string, Readonly<Record<string, SourceSummary>>>>;
  /**
   * The package's helper module, as this file imports it (`./awaitify-helpers.js`): helpers
   * such as fromCallback are imported from there (FileResult.helpers lists them). Without it,
   * each file declares the helpers it uses.
   */
  helperModule?: string;
}

/** The conversion policy (src/engine/policy.ts), as the CLI, the library and the jscodeshift entries take it. */
export interface PolicyOptions {
  /**
   * Only proven conversions: the rules that convert and flag by default (unknown callees,
   * maybe-synchronous callbacks, nextTick against promise jobs) refuse instead, and engines.node
   * is a hard limit. `allow` still lifts single rules.
   */
  strict?: boolean;
  /**
   * The oldest Node the output must run on, as a semver range (`12`, `>=14.18`): APIs newer than
   * it are refused (`timing/unsupported-node-version`) and older promise forms are chosen
   * (`require('fs').promises` below 14). Without it the output uses today's forms and the
   * report states the floor it needs.
   */
  nodeVersion?: string;
  /** Treat engines.node as the floor, as `nodeVersion` does (run() reads it per package). */
  respectEngines?: boolean;
}

export interface TransformSourceOptions extends Partial<TransformOptions>, PolicyOptions {
  path?: string;
  transforms?: string[];
  parser?: ParserName;
  /** Also work out which spots were converted and which refused (FileResult.scan.sites). */
  analyze?: boolean;
  /**
   * false: every file goes through the whole pipeline, even one the cheap first pass
   * (src/transforms/triggers.ts) finds nothing in. For checking that pass; the results are the same.
   */
  firstPass?: boolean;
}

/** The values of a message template's `{{name}}` placeholders. */
export type MessageData = Readonly<Record<string, string | number>>;

/** A message by id: one of the rule's templates (src/timing/messages.ts) and its data. */
export interface MessageRef {
  messageId: string;
  data?: MessageData;
}

/**
 * A finding as a transform reports it; the engine adds path, transform and severity, and the
 * message text from `messageId` and `data`. A bare `message` (no id) still works, but the
 * fixtures require an id on every finding.
 */
export interface FindingInput {
  ruleId: string;
  messageId?: string;
  data?: MessageData;
  message?: string;
  node: { loc?: { start: { line: number; column: number }; end: { line: number; column: number } } | null };
  applied: boolean;
  /**
   * Set on the one finding that stands for a spot (its conversion, or its refusal), so that
   * `awaitify scan` counts spots from the transform's own word. Without it the engine infers
   * the spot (src/timing/sites.ts).
   */
  site?: SiteKind;
}

/** What a transform is: its id and what it does (`transforms`, `getTransform`, `awaitify --help`). */
export interface TransformMeta {
  id: string;
  description: string;
}

/** A transform as the library lists it; its `run` is internal (src/transforms/transform.ts). */
export interface TransformInfo {
  meta: TransformMeta;
}

export interface RunOptions extends Partial<TransformOptions>, PolicyOptions {
  paths: string[];
  /**
   * Where each package's helper module goes, relative to the package root (the folder of the
   * nearest package.json): default `awaitify-helpers.js` (`.ts` for TypeScript files).
   */
  helpersPath?: string;
  cwd?: string;
  transforms?: string[];
  parser?: ParserName;
  extensions?: string[];
  ignore?: string[];
  /** Only these files (absolute paths) of those found: `--changed-since`. */
  only?: string[];
  /** Run the analysis of `awaitify scan` too (FileResult.scan, Summary.scan). */
  analyze?: boolean;
  /** false: no cheap first pass (TransformSourceOptions.firstPass); not a command-line option. */
  firstPass?: boolean;
  /**
   * A path that does not exist, a pattern that matches nothing or a directory without a file to
   * process is an error (RunOptionsError) unless this is false.
   */
  errorOnUnmatchedPattern?: boolean;
  /** Files larger than this many bytes are skipped unread (default 1 MB; 0: no limit). */
  maxFileSize?: number;
  /** Files with a very long mean line length (minified, generated) are skipped (default true). */
  skipMinified?: boolean;
  /** Called after each file, for progress display. */
  onFile?: (result: FileResult, done: number, total: number) => void;
  /**
   * Project mode: a tsconfig.json or jsconfig.json (or a directory holding one), relative to cwd;
   * `true` finds one from cwd upward; `false` never. Undefined: on by itself when a config file
   * is in scope and a converted callback API is called from another file.
   */
  project?: string | boolean;
  /**
   * Cross-file conversion through the package model (default true): calls of another file's
   * package function await it when it became async, and are judged by its summary otherwise.
   */
  crossFile?: boolean;
  /**
   * The run's output will be written (--write): a file that cannot be written then converts
   * nothing its callers in other files would await (see CrossFileSummary.fellBack).
   */
  forWrite?: boolean;  /**
   * Threads that transform the files: this thread and `jobs - 1` worker threads (default 1:
   * this thread alone; the command line's default is the machine's cores). The report is the
   * same for every value.
   */
  jobs?: number;
  /**
   * Reuse results of earlier runs stored in this folder (`--cache`), keyed by the file's text,
   * the options and what the package tells about its callees, and awaitify's build.
   */
  cache?: { location: string; onStats?(stats: CacheStats): void };
}

/** How a `--cache` run went: results taken from the cache, computed and stored, not stored (a write failed). */
export interface CacheStats {
  hits: number;
  misses: number;
  writeFailures: number;
}

