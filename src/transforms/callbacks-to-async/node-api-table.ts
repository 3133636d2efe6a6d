/**
 * Node's callback APIs and their promise forms. Data, not code: the rewrite reads it, and a
 * test walks Node's own modules to check that every callback function is either here or
 * refused below with a reason.
 */

export type NodeModuleName = 'fs' | 'child_process' | 'dns' | 'zlib' | 'crypto';

/**
 * How the promise form is reached:
 * - `promises`: the same name on the module's promise namespace (fs/promises, dns/promises);
 * - `promisify`: util.promisify(module.name), which keeps the callback's arguments as they are
 *   (fs descriptors stay numbers, where fs/promises would hand out FileHandle objects);
 * - `direct`: a function of this file that awaitify made async: call it without the callback;
 * - `wrapper`: a function awaitify knows nothing of, called through the file's `fromCallback`;
 * - `native`: the `async` package's control flow, written as native code (async-library.ts);
 * - `promisify-at-call`: `util.promisify(fs.x)(…)` looked up at each call, so that a module
 *   patched later (graceful-fs's `gracefulify(fs)`) is the one called.
 */
export type PromiseAccess = 'promises' | 'promisify' | 'direct' | 'wrapper' | 'native' | 'promisify-at-call';

/**
 * What the promise resolves with, against the callback's values after `err`:
 * - `value`: the first value;
 * - `object`: an object whose keys name the callback's values in order (the APIs with a
 *   util.promisify.custom or a promise form that resolves an object);
 * - `array`: an array of the values (a function of this file that called back with several).
 */
export type ResultShape = { kind: 'value' } | { kind: 'object'; keys: string[] } | { kind: 'array'; count: number };

export interface PromisableApi {
  /**
   * A Node core module, `local` for a function of the file being rewritten, `package` for one
   * the ecosystem table knows (ecosystem/), `unknown` for others.
   */
  module: NodeModuleName | 'local' | 'unknown' | 'async' | 'package';
  name: string;
  access: PromiseAccess;
  result: ResultShape;
  /** Oldest Node major that has this promise form. */
  minNode: number;
  /** The callback form returns undefined, so an arrow may keep returning it without a value. */
  returnsUndefined: boolean;
  /** Calls back with no value on success (`cb(null)`). */
  voidResult?: boolean;
  /** A function of the file whose every success call is a bare `cb()`: the error it passes on success is undefined, not null. */
  bareSuccess?: boolean;
  /** Also passes (partial) values with an error, as the `async` package does. */
  valuesOnError?: boolean;
  /**
   * Calls back with its value alone and never with an error (`fs.exists(p, (exists) => …)`):
   * every parameter of the callback is a value, and the promise never rejects.
   */
  noError?: boolean;
  /** Where the summary of a package's callee came from, for the report (`package` only). */
  known?: KnownCallee;
}

/** A package callee's summary: the ecosystem table's entry (`mkdirp 0.x`), and whether it may call back synchronously. */
export interface KnownCallee {
  /** The ecosystem table, or the dependency's own source in node_modules. */
  source: 'table' | 'source';
  label: string;
  alwaysAsync: boolean;
}

export interface RefusedApi {
  module: NodeModuleName | 'package';
  name: string;
  reason: string;
}

const value: ResultShape = { kind: 'value' };
const object = (...keys: string[]): ResultShape => ({ kind: 'object', keys });

function promises(module: NodeModuleName, names: string[], minNode = 10, result = value): PromisableApi[] {
  return names.map((name) => ({ module, name, access: 'promises', result, minNode, returnsUndefined: module === 'fs' }));
}

function promisified(module: NodeModuleName, names: string[], result = value, minNode = 8): PromisableApi[] {
  // exec returns a ChildProcess, dns.lookup a request object; fs and the rest give undefined.
  const returnsUndefined = module === 'fs' || module === 'zlib' || module === 'crypto';
  return names.map((name) => ({ module, name, access: 'promisify', result, minNode, returnsUndefined }));
}

const voidFsNames = new Set([
  'access', 'appendFile', 'chmod', 'chown', 'copyFile', 'cp', 'lchown', 'link', 'lutimes', 'rename', 'rm', 'rmdir',
  'symlink', 'truncate', 'unlink', 'utimes', 'writeFile', 'close', 'fsync', 'fdatasync', 'ftruncate', 'futimes',
  'fchmod', 'fchown',
]);

function markVoid(api: PromisableApi): PromisableApi {
  return api.module === 'fs' && voidFsNames.has(api.name) ? { ...api, voidResult: true } : api;
}

export const promisableApis: readonly PromisableApi[] = ([
  ...promises('fs', [
    'access', 'appendFile', 'chmod', 'chown', 'copyFile', 'lchown', 'link', 'lstat', 'mkdir',
    'mkdtemp', 'readdir', 'readFile', 'readlink', 'realpath', 'rename', 'rmdir', 'stat',
    'symlink', 'truncate', 'unlink', 'utimes', 'writeFile',
  ]),
  ...promises('fs', ['opendir'], 12),
  ...promises('fs', ['lutimes'], 14),
  ...promises('fs', ['rm'], 14),
  ...promises('fs', ['cp'], 17),
  ...promises('fs', ['statfs'], 19),
  // Descriptor calls: numbers in, numbers out, as before.
  ...promisified('fs', [
    'open', 'close', 'fstat', 'fsync', 'fdatasync', 'ftruncate', 'futimes', 'fchmod', 'fchown',
  ]),
  ...promisified('fs', ['read'], object('bytesRead', 'buffer')),
  ...promisified('fs', ['write'], object('bytesWritten', 'buffer')),
  ...promisified('fs', ['readv'], object('bytesRead', 'buffers'), 14),
  ...promisified('fs', ['writev'], object('bytesWritten', 'buffers'), 12),
  ...promisified('child_process', ['exec', 'execFile'], object('stdout', 'stderr')),
  ...promises('dns', ['lookup'], 10, object('address', 'family')),
  ...promises('dns', ['lookupService'], 10, object('hostname', 'service')),
  ...promises('dns', [
    'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNaptr',
    'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt', 'reverse',
  ]),
  ...promises('dns', ['resolveCaa'], 15),
  ...promisified('zlib', [
    'deflate', 'deflateRaw', 'gzip', 'gunzip', 'inflate', 'inflateRaw', 'unzip',
    'brotliCompress', 'brotliDecompress',
  ]),
  ...promisified('crypto', ['randomBytes', 'pbkdf2', 'scrypt', 'randomFill', 'hkdf', 'generateKey', 'generatePrime', 'checkPrime', 'randomInt']),
  ...promisified('crypto', ['generateKeyPair'], object('publicKey', 'privateKey')),
  // Node gives fs.exists a util.promisify.custom that resolves the boolean and never rejects
  // (it calls back through fs.access, so always later).
  { ...promisified('fs', ['exists'])[0]!, noError: true },
] as PromisableApi[]).map(markVoid);

export const refusedApis: readonly RefusedApi[] = [
  { module: 'fs', name: 'watch', reason: 'a watcher calls its listener once per change, not once' },
  { module: 'fs', name: 'watchFile', reason: 'a watcher calls its listener once per change, not once' },
  { module: 'fs', name: 'unwatchFile', reason: 'takes a listener to remove, not a callback' },
  { module: 'fs', name: 'createReadStream', reason: 'returns a stream; no callback' },
  { module: 'fs', name: 'createWriteStream', reason: 'returns a stream; no callback' },
  { module: 'fs', name: 'openAsBlob', reason: 'already returns a promise' },
  { module: 'fs', name: 'glob', reason: 'fs/promises.glob is an async iterator, not a one-shot promise' },
  { module: 'fs', name: 'lchmod', reason: 'deprecated and only on macOS' },
  { module: 'fs', name: '_toUnixTimestamp', reason: 'internal helper' },
  { module: 'child_process', name: 'spawn', reason: 'returns a ChildProcess that emits events; no completion callback' },
  { module: 'child_process', name: 'fork', reason: 'returns a ChildProcess that emits events; no completion callback' },
  { module: 'child_process', name: '_forkChild', reason: 'internal helper' },
  { module: 'dns', name: 'setServers', reason: 'synchronous' },
  { module: 'dns', name: 'getServers', reason: 'synchronous' },
  { module: 'dns', name: 'getDefaultResultOrder', reason: 'synchronous' },
  { module: 'dns', name: 'setDefaultResultOrder', reason: 'synchronous' },
  { module: 'zlib', name: 'crc32', reason: 'synchronous' },
  { module: 'crypto', name: 'sign', reason: 'the callback form is rare and changes the return value; left alone' },
  { module: 'crypto', name: 'verify', reason: 'the callback form is rare and changes the return value; left alone' },
];

export function findPromisableApi(module: NodeModuleName, name: string): PromisableApi | undefined {
  return promisableApis.find((api) => api.module === module && api.name === name);
}

export function findRefusedApi(module: NodeModuleName, name: string): RefusedApi | undefined {
  return refusedApis.find((api) => api.module === module && api.name === name);
}

export const nodeModuleNames: readonly NodeModuleName[] = ['fs', 'child_process', 'dns', 'zlib', 'crypto'];

/** 'fs', 'node:fs', 'fs/promises' is not a callback module and gives undefined. */
export function toNodeModuleName(specifier: string): NodeModuleName | undefined {
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  return (nodeModuleNames as readonly string[]).includes(bare) ? (bare as NodeModuleName) : undefined;
}
