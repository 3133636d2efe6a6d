import { builtinModules } from 'node:module';
import * as path from 'node:path';
import type { Callee, ExportTarget, ModuleFacts, Ref } from './types';

/**
 * Resolution over the module graph: a specifier to a file of the package, a name to what it
 * stands for, a callee to a package function or a Node API. Conservative: whatever cannot be
 * followed for certain stays unresolved.
 */

/** What a name or an expression stands for, as far as the graph can tell. */
export type Value =
  | { kind: 'function'; id: string; members?: Record<string, string> }
  | { kind: 'object'; members: Record<string, string>; prototype?: string; imports?: Record<string, { specifier: string; name?: string }>; file?: string }
  | { kind: 'module'; file: string }
  | { kind: 'node'; module: string; name?: string };

const resolvableExtensions = ['.js', '.cjs', '.mjs', '.ts', '.tsx', '.jsx', '.mts', '.cts'];

/**
 * Method names that Node's streams, emitters, sockets, servers and the built-in collections also
 * have: `obj.end()` on an unknown object may be any of them, so such a call resolves only on
 * `this` (or `self = this`).
 */
export const sharedMethodNames: ReadonlySet<string> = new Set([
  'read', 'write', 'end', 'close', 'destroy', 'pipe', 'unpipe', 'on', 'once', 'off', 'emit', 'push', 'pop', 'shift', 'unshift',
  'get', 'set', 'has', 'delete', 'add', 'clear', 'call', 'apply', 'bind', 'then', 'catch', 'finally', 'toString', 'valueOf',
  'send', 'listen', 'connect', 'resume', 'pause', 'open', 'ref', 'unref', 'kill', 'removeListener', 'addListener', 'cork',
  'uncork', 'setEncoding', 'flush', 'exec', 'abort',
]);

/**
 * Drop-ins for `fs` whose functions of fs's names keep fs's callback protocol (every version).
 * The start of the ecosystem table of DESIGN §2; other dependencies stay unresolved.
 */
const fsDropIns = new Set(['graceful-fs', 'fs-extra']);

export function isNodeBuiltin(specifier: string): boolean {
  return builtinModules.includes(specifier.replace(/^node:/, ''));
}

export class PackageResolver {
  /** Method name to the ids of every function of the package with that method name. */
  private readonly methods = new Map<string, Set<string>>();
  private readonly functionIds = new Set<string>();

  constructor(private readonly modules: Readonly<Record<string, ModuleFacts>>, private readonly manifest: { name?: string; main: string } = { main: './index.js' }) {
    for (const facts of Object.values(modules)) {
      for (const fn of facts.functions) {
        this.functionIds.add(fn.id);
        if (fn.methodName === undefined) continue;
        const ids = this.methods.get(fn.methodName) ?? new Set<string>();
        ids.add(fn.id);
        this.methods.set(fn.methodName, ids);
      }
    }
  }

  /** The package file a specifier names from `from`, or undefined (a dependency, a missing file). */
  resolveSpecifier(from: string, specifier: string): string | undefined {
    const { name } = this.manifest;
    // The package by its own name (its tests do this): the same as a path from the root.
    if (name !== undefined && (specifier === name || specifier.startsWith(`${name}/`))) return this.resolveSpecifier('index.js', `./${specifier.slice(name.length + 1)}`);
    if (!specifier.startsWith('.') && !specifier.startsWith('/')) return undefined;
    const joined = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier)).replace(/\/$/, '');
    // `require('..')` from test/: the package root, that is its main.
    const base = joined === '.' || joined === '' ? path.posix.normalize(this.manifest.main).replace(/\/$/, '') : joined;
    const withoutJs = base.replace(/\.[cm]?js$/, '');
    const candidates = [
      base,
      ...resolvableExtensions.map((extension) => base + extension),
      ...(withoutJs !== base ? resolvableExtensions.map((extension) => withoutJs + extension) : []),
      ...resolvableExtensions.map((extension) => `${base}/index${extension}`),
    ];
    return candidates.find((candidate) => this.modules[candidate] !== undefined);
  }

  private importOf(from: string, specifier: string, name: string | undefined, seen: Set<string>): Value | undefined {
    if (isNodeBuiltin(specifier) || fsDropIns.has(specifier)) {
      const module = fsDropIns.has(specifier) ? 'fs' : specifier.replace(/^node:/, '');
      return name === undefined || name === 'default' ? { kind: 'node', module } : { kind: 'node', module, name };
    }
    const file = this.resolveSpecifier(from, specifier);
    if (!file) return undefined;
    // A default import of a CommonJS module is its module.exports.
    if (name === 'default' && this.modules[file].format === 'commonjs') return this.exportOf(file, undefined, seen);
    return this.exportOf(file, name, seen);
  }

  /** What `file` exports under `name` (undefined: the whole module, as require gives it). */
  exportOf(file: string, name: string | undefined, seen = new Set<string>()): Value | undefined {
    const key = `${file}\0${name ?? ''}`;
    if (seen.has(key)) return undefined; // export cycles resolve to nothing
    seen.add(key);
    const facts = this.modules[file];
    if (!facts) return undefined;
    if (name === undefined) return facts.whole ? this.targetValue(file, facts.whole, seen) : { kind: 'module', file };
    const target = facts.exports[name];
    if (target) return this.targetValue(file, target, seen);
    for (const star of facts.starExports) {
      const found = this.importOf(file, star, name, seen);
      if (found) return found;
    }
    if (facts.whole) {
      const whole = this.targetValue(file, facts.whole, seen);
      return whole && this.memberOf(whole, name, seen);
    }
    return undefined;
  }

  private targetValue(file: string, target: ExportTarget, seen: Set<string>): Value | undefined {
    switch (target.kind) {
      case 'function':
        return { kind: 'function', id: target.id };
      case 'binding':
        return this.bindingValue(file, target.name, seen);
      case 'reexport':
        return this.importOf(file, target.specifier, target.name, seen);
    }
  }

  bindingValue(file: string, name: string, seen = new Set<string>()): Value | undefined {
    const binding = this.modules[file]?.bindings[name];
    // `exports.f()` inside the module: its own export.
    if (!binding && name === 'exports' && this.modules[file]?.format === 'commonjs') return { kind: 'module', file };
    if (!binding) return undefined;
    switch (binding.kind) {
      case 'function':
        return binding;
      case 'object':
        // Its file, for the members set to an import (resolved from there).
        return binding.imports ? { ...binding, file } : binding;
      case 'import':
        return this.importOf(file, binding.specifier, binding.name, seen);
    }
  }

  memberOf(value: Value, property: string, seen = new Set<string>()): Value | undefined {
    switch (value.kind) {
      case 'module':
        return this.exportOf(value.file, property, seen);
      case 'object':
      case 'function': {
        const id = value.members?.[property];
        if (id) return { kind: 'function', id };
        const imported = value.kind === 'object' ? value.imports?.[property] : undefined;
        return imported && value.kind === 'object' && value.file !== undefined ? this.importOf(value.file, imported.specifier, imported.name, seen) : undefined;
      }
      case 'node':
        return value.name === undefined ? { kind: 'node', module: value.module, name: property } : undefined;
    }
  }

  /** The function ids a reference may stand for (for escapes: every method of the name). */
  candidatesOf(file: string, ref: Ref): string[] {
    if (ref.kind === 'method' || ref.kind === 'instance') return [...(this.methods.get(ref.name) ?? [])];
    const callee = this.resolveCallee(file, ref);
    return callee.kind === 'package' ? [callee.id] : [];
  }

  resolveCallee(file: string, ref: Ref): Callee {
    switch (ref.kind) {
      case 'builtin':
        return { kind: 'builtin', name: ref.name };
      case 'unknown':
        return { kind: 'unresolved', text: ref.text };
      case 'method': {
        const ids = this.methods.get(ref.name);
        const unique = ids?.size === 1 && (ref.onThis || !sharedMethodNames.has(ref.name));
        return unique ? { kind: 'package', id: [...ids][0] } : { kind: 'unresolved', text: `.${ref.name}` };
      }
      case 'binding':
        return this.calleeOf(this.bindingValue(file, ref.name), ref.name);
      case 'instance': {
        // The constructor's own prototype method, or its parents' (util.inherits, extends); failing that, the method name as for any object.
        const id = this.prototypeMethodOf(file, ref.of, ref.name);
        if (id) return { kind: 'package', id };
        return this.resolveCallee(file, { kind: 'method', name: ref.name, onThis: false });
      }
      case 'import':
        return this.calleeOf(this.importOf(file, ref.specifier, ref.name, new Set()), `require(${JSON.stringify(ref.specifier)})${ref.name ? `.${ref.name}` : ''}`);
      case 'member': {
        const object = this.bindingValue(file, ref.object);
        return this.calleeOf(object && this.memberOf(object, ref.property), `${ref.object}.${ref.property}`);
      }
    }
  }

  /** `name` on the prototype of the constructor `of` (a name of `file`), up its `util.inherits` / `extends` chain. */
  private prototypeMethodOf(file: string, of: string, name: string): string | undefined {
    let current: { file: string; name: string } | undefined = { file, name: of };
    for (let depth = 0; current && depth < 8; depth++) {
      const constructor = this.bindingValue(current.file, current.name);
      const prefix = constructor?.kind === 'function' ? `${constructor.id}.prototype.` : constructor?.kind === 'object' ? constructor.prototype : undefined;
      if (prefix === undefined) return undefined;
      if (this.functionIds.has(prefix + name)) return prefix + name;
      // The parent, by its local name in the file that defines this constructor (`lib/a.js#Child` → lib/a.js, Child).
      const [definedIn, local] = prefix.replace(/\.prototype\.$|\.$/, '').split('#');
      const parent = this.modules[definedIn]?.inherits.find((entry) => entry.child === local)?.parent;
      current = parent === undefined ? undefined : { file: definedIn, name: parent };
    }
    return undefined;
  }

  private calleeOf(value: Value | undefined, text: string): Callee {
    if (value?.kind === 'function') return { kind: 'package', id: value.id };
    if (value?.kind === 'node' && value.name !== undefined) return { kind: 'node', module: value.module, name: value.name };
    return { kind: 'unresolved', text };
  }
}
