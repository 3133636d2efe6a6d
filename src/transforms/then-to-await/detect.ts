import type { ASTPath } from 'jscodeshift';
import { findModuleBindings } from '../shared/module-bindings';
import { isFunctionNode, some, walk, type AnyNode } from '../shared/ast';

/** The methods a native promise has; a chain is made of these. */
export type NativeMethod = 'then' | 'catch' | 'finally';

/** Methods that only promise libraries (Bluebird, Q) have: a chain with one is refused. */
const libraryMethods = new Set(['spread', 'tap', 'tapCatch', 'map', 'mapSeries', 'filter', 'reduce', 'each', 'asCallback', 'nodeify', 'thenReturn', 'return', 'catchReturn', 'catchThrow', 'delay', 'timeout', 'reflect', 'done', 'fail', 'fin', 'always', 'error', 'props', 'get', 'call', 'bind', 'cancel']);

const nativeMethods = new Set<string>(['then', 'catch', 'finally']);

/** One `.method(args)` of a chain, innermost first. */
export interface Link {
  method: string;
  call: AnyNode;
  args: AnyNode[];
}

/** `base.m1(…).m2(…)…`: a promise chain, found at its outermost call. */
export interface Chain {
  path: ASTPath<AnyNode>;
  outer: AnyNode;
  base: AnyNode;
  links: Link[];
}

function methodName(call: AnyNode): string | undefined {
  if (call?.type !== 'CallExpression') return undefined;
  const callee = call.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return undefined;
  return callee.property.name;
}

function isChainMethod(name: string | undefined): boolean {
  return name !== undefined && (nativeMethods.has(name) || libraryMethods.has(name));
}

/** The links of the chain whose outermost call is `call`, innermost first, and its base. */
export function readChain(call: AnyNode): { base: AnyNode; links: Link[] } {
  const links: Link[] = [];
  let current = call;
  while (isChainMethod(methodName(current))) {
    links.unshift({ method: methodName(current)!, call: current, args: current.arguments });
    current = current.callee.object;
    // Library methods count only on a chain that already has a native link inside or outside.
  }
  return { base: current, links };
}

/** Is this call a `.then`/`.catch`/`.finally` (the spots every run must convert or explain)? */
export function isNativeLinkCall(node: AnyNode): boolean {
  return nativeMethods.has(methodName(node) ?? '');
}

/** Is `node` the receiver (or part of the receiver chain) of a chain method call? */
function isInnerLink(path: ASTPath<AnyNode>): boolean {
  const parent = path.parent?.value;
  return parent?.type === 'MemberExpression' && parent.object === path.value && isChainMethod(methodName(path.parent.parent?.value));
}

/** Every chain with at least one native link, outermost calls only, in source order. */
export function findChains(j: AnyNode, root: AnyNode): Chain[] {
  const chains: Chain[] = [];
  // A plain walk first: the path-building search below costs far more, and most files hold no
  // native link at all (library method names like map, get, call are everywhere; a chain needs a native link).
  if (!root.paths().some((path: ASTPath<AnyNode>) => some(path.value, isNativeLinkCall))) return chains;
  root.find(j.CallExpression).forEach((path: ASTPath<AnyNode>) => {
    if (!isChainMethod(methodName(path.value)) || isInnerLink(path) || isInAwaitifyHelper(path)) return;
    const { base, links } = readChain(path.value);
    if (!links.some((link) => nativeMethods.has(link.method))) return;
    chains.push({ path, outer: path.value, base, links });
  });
  return chains;
}

const promiseModules = new Set(['fs/promises', 'dns/promises', 'timers/promises', 'stream/promises', 'readline/promises'].flatMap((name) => [name, `node:${name}`]));
const promiseStatics = new Set(['resolve', 'reject', 'all', 'allSettled', 'race', 'any']);

/**
 * The names of this file that are known to give native promises: its async functions,
 * util.promisify results, and bindings of the promise modules of Node.
 */
export interface PromiseSources {
  asyncFunctions: Set<string>;
  promiseModules: Set<string>;
  /** Names bound to whole modules that have a `.promises` namespace (fs, dns). */
  modulesWithPromises: Set<string>;
}

export function findPromiseSources(program: AnyNode): PromiseSources {
  const asyncFunctions = new Set<string>();
  const modules = new Set<string>();
  const withPromises = new Set<string>();
  for (const binding of findModuleBindings(program)) {
    const bare = binding.specifier.replace(/^node:/, '');
    if (promiseModules.has(binding.specifier) && binding.imported === undefined) modules.add(binding.local);
    if ((bare === 'fs' || bare === 'dns') && binding.imported === undefined) withPromises.add(binding.local);
    if ((bare === 'fs' || bare === 'dns') && binding.imported === 'promises') modules.add(binding.local);
  }
  walk(program, (node) => {
    if (node.type === 'FunctionDeclaration' && node.async && !node.generator && node.id) asyncFunctions.add(node.id.name);
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.init) {
      const init = node.init;
      if ((init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression') && init.async && !init.generator) asyncFunctions.add(node.id.name);
      if (init.type === 'CallExpression' && isPromisify(init.callee)) asyncFunctions.add(node.id.name);
      if (init.type === 'MemberExpression' && !init.computed && init.property.name === 'promises' && init.object.type === 'Identifier' && withPromises.has(init.object.name)) modules.add(node.id.name);
      // const statAsync = fsp.stat
      if (init.type === 'MemberExpression' && !init.computed && init.object.type === 'Identifier' && modules.has(init.object.name)) asyncFunctions.add(node.id.name);
    }
  });
  const sources = { asyncFunctions, promiseModules: modules, modulesWithPromises: withPromises };
  addPromiseReturningFunctions(program, sources);
  return sources;
}

/** Plain functions of the file whose every return gives a known native promise (`return fsp.readFile(f)`). */
function addPromiseReturningFunctions(program: AnyNode, sources: PromiseSources): void {
  const candidates: Array<{ name: string; body: AnyNode }> = [];
  walk(program, (node) => {
    if (node.type === 'FunctionDeclaration' && node.id && !node.async && !node.generator) candidates.push({ name: node.id.name, body: node.body });
  });
  // A few rounds reach functions that return the promise of another such function.
  for (let round = 0; round < 3; round++) {
    for (const { name, body } of candidates) {
      if (sources.asyncFunctions.has(name)) continue;
      const returns: AnyNode[] = [];
      walk(body, (node) => {
        if (node.type === 'ReturnStatement') returns.push(node);
      }, { skipFunctions: true });
      const last = body.body[body.body.length - 1];
      if (last?.type === 'ReturnStatement' && returns.every((ret) => ret.argument && isKnownNativePromise(ret.argument, sources))) sources.asyncFunctions.add(name);
    }
  }
}

function isPromisify(callee: AnyNode): boolean {
  if (callee.type === 'Identifier') return callee.name === 'promisify';
  return callee.type === 'MemberExpression' && !callee.computed && callee.property.name === 'promisify';
}

/** Is the value of `node` a native promise, as far as this file shows? */
export function isKnownNativePromise(node: AnyNode, sources: PromiseSources): boolean {
  if (node.type === 'NewExpression') return node.callee.type === 'Identifier' && node.callee.name === 'Promise';
  if (node.type === 'CallExpression') {
    const callee = node.callee;
    const name = methodName(node);
    if (name && nativeMethods.has(name)) return isKnownNativePromise(callee.object, sources);
    if (callee.type === 'Identifier') return callee.name === 'fetch' || sources.asyncFunctions.has(callee.name);
    if (callee.type === 'MemberExpression' && !callee.computed) {
      const object = callee.object;
      if (object.type === 'Identifier' && object.name === 'Promise') return promiseStatics.has(callee.property.name);
      if (object.type === 'Identifier' && sources.promiseModules.has(object.name)) return true;
      // fs.promises.readFile(…)
      if (object.type === 'MemberExpression' && !object.computed && object.property.name === 'promises' && object.object.type === 'Identifier') {
        return sources.modulesWithPromises.has(object.object.name);
      }
    }
    return false;
  }
  if (node.type === 'AwaitExpression') return false;
  return false;
}

/**
 * Is the path inside a helper awaitify wrote (a module-level statement under an `// awaitify: …`
 * comment, src/transforms/callbacks-to-async/local-helpers.ts)? Its own code is never a target.
 */
export function isInAwaitifyHelper(path: ASTPath<AnyNode>): boolean {
  let current: ASTPath<AnyNode> | null | undefined = path;
  while (current?.parent && current.parent.value.type !== 'Program') current = current.parent;
  const comments: AnyNode[] = current?.value?.comments ?? current?.value?.leadingComments ?? [];
  return comments.some((comment) => `${comment.value}`.trim().startsWith('awaitify:'));
}

/** The nearest function around a path, or undefined at the top level. */
export function enclosingFunction(path: ASTPath<AnyNode>): ASTPath<AnyNode> | undefined {
  let current = path.parent;
  while (current) {
    if (isFunctionNode(current.value)) return current;
    current = current.parent;
  }
  return undefined;
}
