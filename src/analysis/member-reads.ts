import { isFunctionNode, walk, type AnyNode } from '../transforms/shared/ast';
import { findModuleBindings, type ModuleBinding } from '../transforms/shared/module-bindings';
import { dropsCallbackValue } from './callback-values';
import { declaringScope, isIdentifierName, KeyEvaluator, writesOf, type KeyValue } from '../transforms/shared/key-values';
import { sharedMethodNames } from './resolve';
import type { MemberReads, ModuleFacts, PackageModel } from './types';

/**
 * How a file reads properties by name (`x.m`, `x['m']`, `const { m } = x`): the names whose value
 * it may call and use the result of. A method whose name no file of the package reads that way
 * may return a promise instead of undefined (issue #15: a prototype method that ended with an
 * async IIFE becomes the async method); a read of the name on any object keeps it as it was.
 *
 * Not such a read: a call whose value is dropped (`x.m(…);`, `void x.m(…)`,
 * `X.prototype.m.call(self, …);`, `return x.m()` in an inline callback of an operation that
 * never reads what it returns: callback-values.ts), a write (`x.m = …`), a use that never calls the value (a
 * test, `!`, `typeof`, an operator, `x.m.length`, an argument of `path`'s or `assert`'s
 * functions, which call none), and a copy under the same key (`a[k] = b[k];`, where a later read
 * by that name is seen again). A computed key is read as key-values.ts can (`fs[follow ? 'stat' :
 * 'lstat']`); one it cannot tell whose value may be called counts against every name (`dynamic`),
 * as `with` does. A string literal handed to a call (`Reflect.get(x, 'm')`) reads that name.
 */
export function readMemberReads(program: AnyNode): MemberReads {
  const names = new Set<string>();
  const prefixes = new Set<string>();
  let dynamic = false;
  const parents = new Map<AnyNode, AnyNode | null>();
  walk(program, (node, parent) => {
    parents.set(node, parent);
  });
  const keys = new KeyEvaluator(parents);
  const bindings = findModuleBindings(program);
  const calls = new NonCallingCallees(bindings, parents);
  const isModuleScope = (id: AnyNode) => isModuleBinding(id, parents);
  const dropped = (call: AnyNode) => valueDropped(call, parents, (fn, holder) => dropsCallbackValue(holder, fn, bindings, isModuleScope));
  const note = (value: KeyValue): void => {
    if (value.kind === 'unknown') dynamic = true;
    else if (value.kind === 'names') for (const name of value.names) names.add(name);
    else if (value.kind === 'prefix') for (const prefix of value.prefixes) prefixes.add(prefix);
  };
  walk(program, (node, parent) => {
    if (node.type === 'WithStatement') dynamic = true;
    if (isMember(node)) {
      if (isWritten(node, parent) || isDroppedCallee(node, parent, parents, dropped) || neverCalled(node, parents, calls)) return;
      note(node.computed ? keys.valueOf(node.property) : { kind: 'names', names: [propertyName(node.property)] });
    } else if ((node.type === 'ObjectProperty' || node.type === 'Property') && parent?.type === 'ObjectPattern') {
      note(node.computed ? keys.valueOf(node.key) : { kind: 'names', names: [propertyName(node.key)] });
    } else if (isStringLiteral(node) && isCallArgument(node, parent)) {
      names.add(node.value);
    }
  });
  return { names: [...names].filter(isIdentifierName).sort(), prefixes: [...prefixes].sort(), dynamic };
}

/**
 * Names that code outside the package calls on objects it is handed and may read the result of:
 * Node's streams (`const more = dest.write(chunk)` in pipe), emitters, collections, promises
 * and iterators, JSON and util.inspect.
 */
const protocolMethodNames = new Set([...sharedMethodNames, '_read', '_write', '_writev', '_transform', '_flush', '_final', '_destroy', 'next', 'return', 'throw', 'toJSON', 'inspect']);

/**
 * Method names no file of the package reads but as a dropped-value call (see readMemberReads),
 * and no protocol of Node's calls for its value. None at all when some file could not be read
 * or reads names the walk cannot see.
 */
export function droppedValueMethods(model: PackageModel): Set<string> {
  const modules: ModuleFacts[] = Object.values(model.modules);
  if (model.unreadable.length > 0 || (model.tooLarge?.length ?? 0) > 0 || modules.some((facts) => !facts.memberReads || facts.memberReads.dynamic)) return new Set();
  const read = new Set(modules.flatMap((facts) => facts.memberReads!.names));
  const prefixes = modules.flatMap((facts) => facts.memberReads!.prefixes);
  const methods = new Set<string>();
  for (const facts of modules) {
    for (const fn of facts.functions) {
      const name = fn.methodName;
      // `x[NaN]`, `x[Infinity]`: an index may read these two.
      if (name === undefined || !isIdentifierName(name) || name === 'NaN' || name === 'Infinity' || read.has(name) || protocolMethodNames.has(name)) continue;
      if (!prefixes.some((prefix) => name.startsWith(prefix))) methods.add(name);
    }
  }
  return methods;
}

/**
 * Functions that never call what they are given, by module (undefined: all of them; `''`: the
 * module itself). Not assert.throws, rejects and the like: they call their argument.
 */
const assertTests = new Set(['', 'ok', 'equal', 'notEqual', 'strictEqual', 'notStrictEqual', 'deepEqual', 'deepStrictEqual', 'notDeepEqual', 'notDeepStrictEqual']);
const nonCalling: Record<string, ReadonlySet<string> | undefined> = { path: undefined, assert: assertTests, 'assert/strict': assertTests };

class NonCallingCallees {
  constructor(private readonly bindings: ModuleBinding[], private readonly parents: ReadonlyMap<AnyNode, AnyNode | null>) {}

  /** `path.resolve(…)`, `assert(…)`, `assert.ok(…)`, through the file's own module-scope binding. */
  has(callee: AnyNode): boolean {
    const id = callee.type === 'Identifier' ? callee : isMember(callee) && !callee.computed && callee.object.type === 'Identifier' ? callee.object : undefined;
    if (!id) return false;
    const binding = this.bindings.find((entry) => entry.local === id.name);
    const module = binding?.specifier.replace(/^node:/, '');
    if (!binding || !module || !(module in nonCalling)) return false;
    // `assert.ok(…)` through `require('assert')`, `ok(…)` through `require('assert').ok`.
    const member = id === callee ? (binding.imported ?? '') : binding.imported === undefined ? callee.property.name : undefined;
    const functions = nonCalling[module];
    if (member === undefined || (functions && !functions.has(member))) return false;
    return isModuleBinding(id, this.parents);
  }
}

/** `id` means the module-scope name, written once (its require). */
function isModuleBinding(id: AnyNode, parents: ReadonlyMap<AnyNode, AnyNode | null>): boolean {
  const scope = declaringScope(id, parents);
  return scope?.node.type === 'Program' && writesOf(scope.node, id.name)?.length === 1;
}

/**
 * Is the value of this call dropped? A statement or `void`; `return x.m()` (or an arrow's
 * body) in an inline callback whose operation never reads what it returns.
 */
function valueDropped(call: AnyNode, parents: ReadonlyMap<AnyNode, AnyNode | null>, dropsReturn: (fn: AnyNode, holder: AnyNode) => boolean): boolean {
  const holder = parents.get(call);
  if (holder?.type === 'ExpressionStatement' || (holder?.type === 'UnaryExpression' && holder.operator === 'void')) return true;
  let fn: AnyNode | null | undefined;
  if (holder?.type === 'ArrowFunctionExpression' && holder.body === call) fn = holder;
  else if (holder?.type === 'ReturnStatement') for (fn = parents.get(holder); fn && !isFunctionNode(fn); fn = parents.get(fn));
  const fnHolder = fn ? parents.get(fn) : undefined;
  return !!fn && !!fnHolder && (fn.type === 'FunctionExpression' || fn.type === 'ArrowFunctionExpression') && !fn.async && !fn.generator && dropsReturn(fn, fnHolder);
}

function isMember(node: AnyNode | null | undefined): boolean {
  return node?.type === 'MemberExpression' || node?.type === 'OptionalMemberExpression';
}

function propertyName(key: AnyNode): string {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'PrivateName') return `#${key.id.name}`;
  return String(key.value);
}

function isStringLiteral(node: AnyNode): boolean {
  return node.type === 'StringLiteral' || (node.type === 'Literal' && typeof node.value === 'string');
}

/** `x.m = …` sets the property; it reads nothing (`x.m += 1` reads it). */
function isWritten(node: AnyNode, parent: AnyNode | null): boolean {
  return parent?.type === 'AssignmentExpression' && parent.operator === '=' && parent.left === node;
}

/** `x.m(…);`, `void x.m(…)`, and `x.m.call(…);` / `x.m.apply(…);`: the method runs, its value goes nowhere. */
function isDroppedCallee(node: AnyNode, parent: AnyNode | null, parents: ReadonlyMap<AnyNode, AnyNode | null>, dropped: (call: AnyNode) => boolean): boolean {
  let callee = node;
  let call = parent;
  if (isMember(parent) && parent!.object === node && !parent!.computed && ['call', 'apply'].includes(parent!.property.name)) {
    callee = parent!;
    call = parents.get(parent!) ?? null;
  }
  if ((call?.type !== 'CallExpression' && call?.type !== 'OptionalCallExpression') || call.callee !== callee) return false;
  return dropped(call);
}

/** Does the value read at `member` go only where nothing calls it? */
function neverCalled(member: AnyNode, parents: ReadonlyMap<AnyNode, AnyNode | null>, calls: NonCallingCallees): boolean {
  let node = member;
  let parent = parents.get(node) ?? null;
  // `a || x.m`, `c ? x.m : y`, `(a, x.m)`: the value goes where the whole expression goes.
  while (parent && ((parent.type === 'LogicalExpression') || (parent.type === 'ConditionalExpression' && parent.test !== node) || (parent.type === 'SequenceExpression' && parent.expressions[parent.expressions.length - 1] === node))) {
    node = parent;
    parent = parents.get(node) ?? null;
  }
  if (!parent) return false;
  switch (parent.type) {
    case 'ExpressionStatement':
    case 'UnaryExpression':
    case 'BinaryExpression':
      return true;
    case 'IfStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'ForStatement':
    case 'ConditionalExpression':
      return parent.test === node;
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return parent.object === node && !parent.computed && !['call', 'apply', 'bind'].includes(parent.property.name);
    case 'CallExpression':
      return parent.callee !== node && calls.has(parent.callee);
    case 'AssignmentExpression':
      return node === member && sameKeyCopy(parent, member) && parents.get(parent)?.type === 'ExpressionStatement';
    default:
      return false;
  }
}

/** `a[k] = b[k]` or `a.m = b.m`: the value lands under the key it was read from. */
function sameKeyCopy(assignment: AnyNode, member: AnyNode): boolean {
  const left = assignment.left;
  if (assignment.operator !== '=' || assignment.right !== member || !isMember(left) || left.computed !== member.computed) return false;
  if (!member.computed) return propertyName(left.property) === propertyName(member.property);
  return left.property.type === 'Identifier' && member.property.type === 'Identifier' && left.property.name === member.property.name;
}

function isCallArgument(node: AnyNode, parent: AnyNode | null): boolean {
  return (parent?.type === 'CallExpression' || parent?.type === 'OptionalCallExpression' || parent?.type === 'NewExpression') && parent.arguments.includes(node);
}
