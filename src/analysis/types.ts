/**
 * The package model's data. Everything here is plain data (JSON-serialisable: no AST nodes, no
 * Maps, no functions), so a file's summary can be cached or handed to a worker thread.
 */

/** What a callee expression names, as read from one file before anything is resolved. */
export type Ref =
  /** A module-scope name of the file: a function, an import, a require. */
  | { kind: 'binding'; name: string }
  /** `ns.f`, where `ns` is a module-scope name of the file. */
  | { kind: 'member'; object: string; property: string }
  /** `require('./x').f()` (name `f`) or `require('./x')()` (no name). */
  | { kind: 'import'; specifier: string; name?: string }
  /** `d.m()` where every value the file gives `d` is `new C(…)`: C's prototype method, by C's module-scope name. */
  | { kind: 'instance'; of: string; object: string; name: string }
  /** `this.m()`, `self.m()`, `obj.m()`: resolved by method name over the whole package. */
  | { kind: 'method'; name: string; onThis: boolean }
  /** A global that schedules or runs its function argument: setTimeout, process.nextTick, new Promise, … */
  | { kind: 'builtin'; name: BuiltinName }
  /** Anything else, as written. */
  | { kind: 'unknown'; text: string };

export type BuiltinName =
  | 'setTimeout' | 'setInterval' | 'setImmediate' | 'process.nextTick' | 'queueMicrotask'
  | 'promise.then' | 'promise.settle' | 'new Promise' | 'array.iterate' | 'emitter.on' | 'emitter.once';

/** Why a callback call happened later than the function's own synchronous run. */
export type Mechanism = 'node-api' | 'timer' | 'next-tick' | 'set-immediate' | 'promise' | 'unknown';

/**
 * What a function's body does with its callback, with callees still unresolved: the analysis
 * evaluates this against the callees' summaries. A tree, not a graph; plain data.
 */
export type Effect =
  | { k: 'seq'; items: Effect[] }
  /** Alternative paths: if/else, `?:`, `&&`, switch cases. */
  | { k: 'branch'; options: Effect[] }
  /** A loop body: runs zero, one or more times. */
  | { k: 'loop'; body: Effect }
  /** The path ends here. */
  | { k: 'exit'; how: 'return' | 'throw' }
  /** try/catch/finally: the handler may run from any point of the block. */
  | { k: 'try'; block: Effect; handler?: Effect; finalizer?: Effect }
  /** A direct call of the callback (`cb(…)`, `cb.call(…)`). */
  | { k: 'call'; line: number; values: ValueShape[] }
  /** The callback passed on as argument `index` of a callee (`fs.stat(p, cb)`, `next(cb)`). */
  | { k: 'handoff'; callee: Ref; text: string; line: number; index: number; last: boolean; values?: ValueShape[] }
  /** A function using the callback passed as argument `index` of a callee (`fs.stat(p, (err) => cb(err))`). */
  | { k: 'nested'; callee: Ref; text: string; line: number; index: number; last: boolean; body: Effect }
  /** The callback stored, returned or registered: what happens to it cannot be followed. */
  | { k: 'stored'; where: string; line: number }
  /** `await` in an async function: what follows runs in a later promise job. */
  | { k: 'await' }
  /** A call of a local function that uses the callback (`next()`); its body, read once per call site. */
  | { k: 'local'; name: string; body: Effect }
  /** A local function called again from inside itself: its own paths, found by a fixpoint. */
  | { k: 'recursive'; name: string; line: number };

/** One argument of a direct callback call. */
export type ValueShape = 'null' | 'undefined' | 'error' | 'value' | 'spread';

/** How a function's last parameter was found to be a callback, before its callees are known. */
export interface CallbackParam {
  name: string;
  index: number;
  /** Parameters moved into the callback's place when omitted (`if (typeof opts === 'function')`). */
  optional: string[];
  /** `cb = cb || noop` or `if (!cb) cb = noop`: callers may leave the callback out. */
  defaultCallback: boolean;
  /** A direct call looks error-first (`cb(null, v)`, `cb(err)`, `cb()`). */
  errorFirstCall: boolean;
  /** The body calls it directly (or through a timer with arguments) at least once. */
  calledDirectly: boolean;
  effect: Effect;
}

export interface FunctionFacts {
  /** `lib/a.js#load`, `lib/a.js#Store.prototype.read`: unique within the package. */
  id: string;
  file: string;
  /** As a reader would name it: `load`, `Store#read`, `api.load`, `module.exports`. */
  name: string;
  line: number;
  column: number;
  endLine: number;
  params: string[];
  /** Set for methods (class, prototype, object literal): the name `obj.m()` calls use. */
  methodName?: string;
  /** The body reads `arguments.length` (its arity is inspected). */
  readsArgumentsLength: boolean;
  callback?: CallbackParam;
}

/** A module-scope name of a file. */
export type Binding =
  /** A function of the file; `members` are its static functions (`Foo.create = function`). */
  | { kind: 'function'; id: string; members?: Record<string, string> }
  /** `require(s)`, `import * as x from s` (name undefined: the whole module), `import { name } from s`. */
  | { kind: 'import'; specifier: string; name?: string }
  /**
   * An object literal or class whose members are functions of the file; a class's prototype
   * methods are `${prototype}m`. `imports`: members set to a module's function at module level
   * (nedb's `storage.appendFile = fs.appendFile`, `storage.mkdirp = mkdirp`), as an import.
   */
  | { kind: 'object'; members: Record<string, string>; prototype?: string; imports?: Record<string, { specifier: string; name?: string }> };

/** What an exported name stands for. */
export type ExportTarget =
  | { kind: 'binding'; name: string }
  | { kind: 'function'; id: string }
  | { kind: 'reexport'; specifier: string; name?: string };

/** A use of a module-scope function (or method) other than calling it. */
export interface EscapeFact {
  ref: Ref;
  how: 'passed' | 'stored' | 'inspected';
  line: number;
  detail: string;
}

/**
 * A call whose last argument is a function or a name (a callback, maybe): the callers of the
 * package's APIs, and (for inline error-first functions) the resolution share.
 */
export interface CallbackCall {
  ref: Ref;
  text: string;
  line: number;
  /** 1-based, as the file was read (the engine's `line:column` of a call). */
  column: number;
  last: 'error-first-function' | 'function' | 'name';
}

/** See member-reads.ts: names read (or any name starting with a prefix); `dynamic` when some read's key cannot be told (`x[key]`). */
export interface MemberReads {
  names: string[];
  prefixes: string[];
  dynamic: boolean;
}

/** One file, read once: no AST kept. */
export interface ModuleFacts {
  /** Relative to the package root, with `/`. */
  file: string;
  format: 'commonjs' | 'esm';
  /** Every literal require/import/export-from/import() specifier, sorted, once each. */
  dependencies: string[];
  bindings: Record<string, Binding>;
  /** Named exports (`exports.x`, `module.exports = { x }`, `export { x }`). */
  exports: Record<string, ExportTarget>;
  /** `module.exports = X` (the value a require or a default import gets). */
  whole?: ExportTarget;
  starExports: string[];
  functions: FunctionFacts[];
  escapes: EscapeFact[];
  callbackCalls: CallbackCall[];
  /** `util.inherits(Child, Parent)` and `class Child extends Parent`, by local name. */
  inherits: Array<{ child: string; parent: string }>;
  /** Property names read other than as a call whose value is dropped (member-reads.ts); absent in facts read before it existed. */
  memberReads?: MemberReads;
  /** Set when the file could not be parsed; the rest is then empty. */
  error?: string;
}

/** A callee after resolution. */
export type Callee =
  | { kind: 'package'; id: string }
  | { kind: 'node'; module: string; name: string }
  | { kind: 'builtin'; name: BuiltinName }
  | { kind: 'unresolved'; text: string };

/** One way through a function, as seen by its callback. */
export interface CallbackPath {
  /** How many times the callback is called on this path: 2 stands for two or more. */
  calls: 0 | 1 | 2;
  /** A call happens before the function returns. */
  sync: boolean;
  /** What deferred the calls of this path. */
  via: Mechanism[];
  /** The path ends by throwing (argument checks), not by returning. */
  throws?: boolean;
  /** The path goes through something that cannot be followed (unresolved callee, stored callback). */
  unknown?: boolean;
  /** While evaluating only: an async function awaited on this path, so later calls are deferred. */
  suspended?: boolean;
}

export type CallCount = 'once' | 'maybe-never' | 'maybe-twice' | 'unknown';
export type Timing = 'deferred' | 'sync' | 'sync-on-some-path' | 'unknown';

export interface CallbackApiSummary {
  id: string;
  file: string;
  name: string;
  line: number;
  params: string[];
  callback: string;
  optional: string[];
  defaultCallback: boolean;
  /** Error-first by its own calls or by the API it hands the callback to. */
  errorFirst: boolean;
  calls: CallCount;
  timing: Timing;
  paths: CallbackPath[];
  handedOn: Array<{ callee: Callee; text: string; line: number }>;
  stored: Array<{ where: string; line: number }>;
  /** What the direct calls pass: how many errors, and the success arities (values after `null`). */
  values: { errorCalls: number; successArities: number[] };
  /** Why the count or timing is not proven, in words. */
  unknownBecause: string[];
  exported: boolean;
  escapes: Array<{ file: string; line: number; how: EscapeFact['how']; detail: string }>;
}

export interface PackageModel {
  /** The directory holding the package.json, absolute. */
  root: string;
  name?: string;
  filesRead: number;
  /** Files that could not be parsed, with the reason. */
  unreadable: Array<{ file: string; message: string }>;
  /** Files left out for their size (package-files.ts maxModelFileBytes): what they do is not in the model. */
  tooLarge?: string[];
  modules: Record<string, ModuleFacts>;
  apis: CallbackApiSummary[];
  /** Calls with an inline error-first callback, and how many have a resolved callee. */
  inlineCallbackCalls: { total: number; resolved: number; unresolvedByName: Record<string, number> };
  groups: ConversionGroup[];
}

/**
 * APIs whose conversion depends on each other (one hands its callback to another, or awaits it),
 * with every file that must change with them: theirs and their callers'. A group converts
 * wholly or not at all.
 */
export interface ConversionGroup {
  apis: string[];
  /** Files of the APIs and of the calls that pass them a callback, sorted. */
  files: string[];
  /** Calls in the package that pass one of the APIs a callback (inline or by name). */
  callSites: number;
}

/** A package as the report gives it (`summary.packages`). */
export interface PackageReport {
  /** The directory of the package.json, relative to the run's directory (`.` for itself). */
  root: string;
  name?: string;
  filesRead: number;
  unreadable: Array<{ file: string; message: string }>;
  apis: CallbackApiSummary[];
  /** Groups of more than one API or file; `filesOutsideRun` are files the run was not given (read, never written). */
  groups: Array<ConversionGroup & { filesOutsideRun: string[] }>;
  /** Calls with an inline error-first callback: how many have a callee resolved to a Node API or a package function. */
  inlineCallbackCalls: { total: number; resolved: number; topUnresolved: Array<{ callee: string; calls: number }> };
}
