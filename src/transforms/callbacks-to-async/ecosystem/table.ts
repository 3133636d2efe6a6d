/**
 * Callback libraries of the npm ecosystem and what their callbacks do, by version. Data, not
 * code, like node-api-table.ts: detect.ts reads it through lookup.ts, and
 * test/ecosystem-table.test.ts calls every entry's functions on the real package (installed as
 * a devDependency, several majors through npm aliases) and checks each claim here: how many
 * times the callback runs, whether it runs before the call returns, the values it receives.
 *
 * Each package lists entries for whole majors; the version is the one installed in the
 * user's node_modules, else the range in the package.json dependencies (versions.ts). A range
 * that spans two entries matches none, and the callee stays unknown.
 */

/** How the promise form is written for a callback function of the package. */
export type PromiseForm =
  /** `util.promisify(pkg.fn)`, declared once after the imports (the same module object). */
  | 'promisify'
  /** The same function without its callback returns a promise (fs-extra ≥ 3, mz, which 2). */
  | 'same-call'
  /** Several values: the file's `fromCallback` wrapper resolves them as an array. */
  | 'array';

export type CalleeFacts =
  | {
      kind: 'callback';
      /** The callback never runs before the call returns. */
      alwaysAsync: boolean;
      /** The callback runs once on every path (an error included). */
      exactlyOnce: boolean;
      /** The values after the error, in order ([] for `cb(err)` alone). */
      values: string[];
      /** Values are passed along with an error too (`cb(er, true)`). */
      valuesOnError?: boolean;
      /** Exactly once only with these options plainly set so: else refused. */
      unlessOption?: OptionCondition;
      form: PromiseForm;
    }
  /** A promise API that takes no callback: a call with one was written for another major. */
  | { kind: 'promise-api' }
  /** Known, and not converted: why. */
  | { kind: 'refuse'; reason: string }
  /** Takes a callback and returns a wrapped one (once, dezalgo): read by the callback proof, never a call site. */
  | { kind: 'callback-wrapper'; atMostOnce: boolean; alwaysAsync: boolean }
  /** Control flow written as native code by async-library.ts. */
  | { kind: 'control-flow' };

/** Options that change how the callback is called (ncp's `stopOnError`, `clobber`). */
export interface OptionCondition {
  /** The options argument's position; a call with the callback there or before passes none. */
  index: number;
  /** Each key must be plainly unset, or plainly `false`; else the call is refused for `reason`. */
  keys: Array<{ key: string; safe: 'unset' | false; reason: string }>;
}

export interface EcosystemEntry {
  /** The npm name, or a subpath (`mz/fs`). */
  specifier: string;
  /** Majors this entry holds for, both ends included (0.x is major 0). */
  majors: { min: number; max: number };
  /**
   * The module's functions: `''` is the module itself called (`mkdirp(dir, cb)`), other keys
   * its members (`lockfile.lock`). `fsMembers` adds Node's fs callback functions.
   */
  functions: Record<string, CalleeFacts>;
  /** A drop-in for `fs`: its members with the names of Node's fs callback functions take fs's callbacks. */
  fsMembers?: PromiseForm;
}

const once = (values: string[], form: PromiseForm = 'promisify', extra: { valuesOnError?: boolean; unlessOption?: OptionCondition } = {}): CalleeFacts => ({
  kind: 'callback',
  alwaysAsync: true,
  exactlyOnce: true,
  values,
  form,
  ...extra,
});
const promiseApi: CalleeFacts = { kind: 'promise-api' };
const refuse = (reason: string): CalleeFacts => ({ kind: 'refuse', reason });
const ALL = Infinity;
// Without stopOnError ncp collects the errors and calls back once at the end, with the list or
// null; with clobber (the default) a target it cannot remove counts its file twice, and the
// count that ends the copy can be reached early, or twice.
const ncpOptions: OptionCondition = {
  index: 2,
  keys: [
    { key: 'stopOnError', safe: 'unset', reason: 'ncp with stopOnError calls back once per failing file' },
    { key: 'clobber', safe: false, reason: 'ncp with clobber (the default) counts a file twice when it cannot remove the old one, and may call back more than once' },
  ],
};

/** fs-extra's own callback functions (beside fs's), with their values, as of the 0.x line. */
const fsExtraOwn = (form: PromiseForm): Record<string, CalleeFacts> => ({
  mkdirs: once(['made'], form),
  mkdirp: once(['made'], form),
  ensureDir: once(['made'], form),
  remove: once([], form),
  emptyDir: once([], form),
  ensureFile: once([], form),
  outputFile: once([], form),
  readJson: once(['object'], form),
  readJSON: once(['object'], form),
  writeJson: once([], form),
  writeJSON: once([], form),
  outputJson: once([], form),
});

export const ecosystemTable: readonly EcosystemEntry[] = [
  // fs drop-ins. graceful-fs's own `promises` is Node's (no EMFILE retry): promisify its functions instead.
  { specifier: 'graceful-fs', majors: { min: 4, max: 4 }, functions: {}, fsMembers: 'promisify' },
  {
    specifier: 'fs-extra',
    majors: { min: 0, max: 2 },
    functions: { ...fsExtraOwn('promisify'), copy: refuse('fs-extra before 3 copies with its own ncp, which calls back once per failing file') },
    fsMembers: 'promisify',
  },
  {
    specifier: 'fs-extra',
    majors: { min: 3, max: ALL },
    // Through universalify: emptyDir passes on what its Promise.all resolved.
    functions: { ...fsExtraOwn('same-call'), emptyDir: once(['results'], 'same-call'), copy: once([], 'same-call'), move: once([], 'same-call'), pathExists: once(['exists'], 'same-call') },
    fsMembers: 'same-call',
  },
  { specifier: 'mz/fs', majors: { min: 2, max: 2 }, functions: {}, fsMembers: 'same-call' },

  // Packages called as functions.
  { specifier: 'mkdirp', majors: { min: 0, max: 0 }, functions: { '': once(['made']), mkdirp: once(['made']), mkdirP: once(['made']) } },
  { specifier: 'mkdirp', majors: { min: 1, max: ALL }, functions: { '': promiseApi, mkdirp: promiseApi } },
  { specifier: 'rimraf', majors: { min: 2, max: 3 }, functions: { '': once([]) } },
  { specifier: 'rimraf', majors: { min: 4, max: ALL }, functions: { '': promiseApi, rimraf: promiseApi } },
  { specifier: 'glob', majors: { min: 7, max: 8 }, functions: { '': once(['matches']), glob: once(['matches']) } },
  { specifier: 'glob', majors: { min: 9, max: ALL }, functions: { '': promiseApi, glob: promiseApi } },
  { specifier: 'which', majors: { min: 1, max: 1 }, functions: { '': once(['path']) } },
  { specifier: 'which', majors: { min: 2, max: 2 }, functions: { '': once(['path'], 'same-call') } },
  { specifier: 'which', majors: { min: 3, max: ALL }, functions: { '': promiseApi } },
  {
    specifier: 'ncp',
    majors: { min: 0, max: 2 },
    functions: { '': once([], 'promisify', { unlessOption: ncpOptions }), ncp: once([], 'promisify', { unlessOption: ncpOptions }) },
  },
  { specifier: 'mv', majors: { min: 0, max: 2 }, functions: { '': once([]) } },
  {
    specifier: 'lockfile',
    majors: { min: 1, max: 1 },
    functions: { lock: once([]), unlock: once([]), check: once(['isLocked'], 'promisify', { valuesOnError: true }) },
  },
  {
    specifier: 'write-file-atomic',
    majors: { min: 1, max: 2 },
    functions: { '': once([]) },
  },
  { specifier: 'write-file-atomic', majors: { min: 3, max: ALL }, functions: { '': once([], 'same-call') } },
  { specifier: 'once', majors: { min: 1, max: 1 }, functions: { '': { kind: 'callback-wrapper', atMostOnce: true, alwaysAsync: false } } },
  { specifier: 'dezalgo', majors: { min: 1, max: 1 }, functions: { '': { kind: 'callback-wrapper', atMostOnce: false, alwaysAsync: true } } },
  {
    specifier: 'slide',
    majors: { min: 1, max: 1 },
    functions: {
      asyncMap: { kind: 'callback', alwaysAsync: false, exactlyOnce: true, values: ['results'], form: 'promisify' },
      chain: { kind: 'callback', alwaysAsync: false, exactlyOnce: true, values: ['results'], form: 'promisify' },
    },
  },
  {
    specifier: 'request',
    majors: { min: 2, max: 2 },
    functions: Object.fromEntries(['', 'get', 'post', 'put', 'patch', 'del', 'head'].map((name) => [name, once(['response', 'body'], 'array')])),
  },
  { specifier: 'inflight', majors: { min: 1, max: 1 }, functions: { '': refuse('inflight stores callbacks under a key and calls every stored one when the first finishes') } },
  { specifier: 'async', majors: { min: 2, max: 3 }, functions: { '': { kind: 'control-flow' } } },
];

/** The entries of a package, for every major the table knows. */
// By specifier, in the table's order: looked up for every call through a module binding.
let bySpecifier: Map<string, EcosystemEntry[]> | undefined;

export function entriesOf(specifier: string): EcosystemEntry[] {
  if (!bySpecifier) {
    bySpecifier = new Map();
    for (const entry of ecosystemTable) bySpecifier.set(entry.specifier, [...(bySpecifier.get(entry.specifier) ?? []), entry]);
  }
  return [...(bySpecifier.get(specifier) ?? [])];
}
