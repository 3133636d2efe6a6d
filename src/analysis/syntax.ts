import { childNodes, isFunctionNode, type AnyNode } from '../transforms/shared/ast';
import type { BuiltinName, Ref } from './types';

/** Small questions about babel nodes that the model's readers share. */

export const errorName = /^(err|error|er|e)$|^err[A-Z_0-9]|^error[A-Z_0-9]/;

export function lineOf(node: AnyNode): number {
  return node?.loc?.start.line ?? 0;
}

export function columnOf(node: AnyNode): number {
  return node?.loc?.start.column ?? 0;
}

export function isFunction(node: AnyNode): boolean {
  return isFunctionNode(node);
}

export function isFunctionValue(node: AnyNode): boolean {
  return node?.type === 'FunctionExpression' || node?.type === 'ArrowFunctionExpression';
}

/** The name of a non-computed property (`a.b`, `{ b: … }`, `b() {}`), or a string key. */
export function propertyName(node: AnyNode, computed = false): string | undefined {
  if (!node) return undefined;
  if (!computed && (node.type === 'Identifier' || node.type === 'PrivateName')) return node.name ?? node.id?.name;
  if (node.type === 'StringLiteral') return node.value;
  return undefined;
}

export function memberProperty(node: AnyNode): string | undefined {
  if (node?.type !== 'MemberExpression' && node?.type !== 'OptionalMemberExpression') return undefined;
  return propertyName(node.property, node.computed);
}

/** `a.b.c` as written, for messages; `…` for what is not a plain chain. */
export function textOf(node: AnyNode): string {
  if (!node) return '…';
  switch (node.type) {
    case 'Identifier':
      return node.name;
    case 'ThisExpression':
      return 'this';
    case 'Super':
      return 'super';
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return `${textOf(node.object)}.${memberProperty(node) ?? '[…]'}`;
    case 'CallExpression':
    case 'OptionalCallExpression':
      return `${textOf(node.callee)}(…)`;
    case 'StringLiteral':
      return JSON.stringify(node.value);
    default:
      return '…';
  }
}

/** The string of `require('x')`, or undefined. */
export function requireSpecifier(node: AnyNode): string | undefined {
  if (node?.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'require') return undefined;
  const [first] = node.arguments;
  return first?.type === 'StringLiteral' ? first.value : first?.type === 'TemplateLiteral' && first.expressions.length === 0 ? first.quasis[0].value.cooked : undefined;
}

/** `module.exports` */
export function isModuleExports(node: AnyNode): boolean {
  return (node?.type === 'MemberExpression' && !node.computed && node.object.type === 'Identifier' && node.object.name === 'module' && node.property.name === 'exports');
}

/** `exports.x` or `module.exports.x`: the name x. */
export function exportsMemberName(node: AnyNode): string | undefined {
  if (node?.type !== 'MemberExpression') return undefined;
  const isExports = (node.object.type === 'Identifier' && node.object.name === 'exports') || isModuleExports(node.object);
  return isExports ? propertyName(node.property, node.computed) : undefined;
}

/** Every name a subtree declares (params, var/let/const, functions, classes, catch params), nested functions included. */
export function declaredNames(root: AnyNode): Set<string> {
  const names = new Set<string>();
  const addPattern = (pattern: AnyNode): void => {
    if (!pattern) return;
    if (pattern.type === 'Identifier') names.add(pattern.name);
    else if (pattern.type === 'AssignmentPattern') addPattern(pattern.left);
    else if (pattern.type === 'RestElement') addPattern(pattern.argument);
    else if (pattern.type === 'ArrayPattern') pattern.elements.forEach(addPattern);
    else if (pattern.type === 'ObjectPattern') for (const p of pattern.properties) addPattern(p.type === 'RestElement' ? p.argument : p.value);
    else if (pattern.type === 'TSParameterProperty') addPattern(pattern.parameter);
  };
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isFunction(node)) {
      node.params.forEach(addPattern);
      if (node !== root && node.type === 'FunctionDeclaration' && node.id) names.add(node.id.name);
    } else if (node.type === 'VariableDeclarator') addPattern(node.id);
    else if (node.type === 'ClassDeclaration' && node.id) names.add(node.id.name);
    else if (node.type === 'CatchClause') addPattern(node.param);
    stack.push(...childNodes(node));
  }
  return names;
}

/** Whether a subtree reads the name (not as a property key), ignoring functions that redeclare it as a parameter. */
export function readsName(root: AnyNode, name: string): boolean {
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node.type === 'Identifier' && node.name === name) return true;
    if (isFunction(node) && node !== root && declaresParam(node, name)) continue;
    for (const [key, child] of Object.entries(node)) {
      if (key === 'loc' || key === 'leadingComments' || key === 'trailingComments' || key === 'innerComments') continue;
      // Skip property keys and non-computed member properties: they are not reads of the name.
      if ((key === 'property' || key === 'key') && !node.computed && node.type !== 'ObjectPattern') continue;
      if (Array.isArray(child)) for (const item of child) { if (item && typeof item.type === 'string') stack.push(item); }
      else if (child && typeof (child as AnyNode).type === 'string') stack.push(child);
    }
  }
  return false;
}

export function declaresParam(fn: AnyNode, name: string): boolean {
  return fn.params.some((param: AnyNode) => param.type === 'Identifier' ? param.name === name : param.type === 'AssignmentPattern' && param.left.name === name);
}

const timers: Record<string, BuiltinName> = {
  setTimeout: 'setTimeout',
  setInterval: 'setInterval',
  setImmediate: 'setImmediate',
  queueMicrotask: 'queueMicrotask',
};
const arrayIterators = new Set(['forEach', 'map', 'filter', 'some', 'every', 'reduce', 'reduceRight', 'find', 'findIndex', 'flatMap', 'sort']);

export interface RefScope {
  /** Names declared at module scope. */
  moduleNames: ReadonlySet<string>;
  /** Names declared inside the function being read: they hide module names. */
  localNames: { has(name: string): boolean };
  /** Local names bound to `this` (`var self = this`). */
  thisAliases: ReadonlySet<string>;
  /** Local names bound to a require (`const ping = require('./ping')` inside a function, to break a cycle). */
  localRequires?: ReadonlyMap<string, string>;
  /** Names the file only ever gives `new C(…)`, with C (`const d = new Datastore()`). */
  instanceOf?: ReadonlyMap<string, string>;
}

/** What a callee expression names, before resolution. */
export function refOf(callee: AnyNode, scope: RefScope, isNew = false): Ref {
  const required = requireSpecifier(callee);
  if (required !== undefined) return { kind: 'import', specifier: required };
  if (callee.type === 'Identifier') {
    if (isNew && callee.name === 'Promise') return { kind: 'builtin', name: 'new Promise' };
    const localRequire = scope.localRequires?.get(callee.name);
    if (localRequire !== undefined) return { kind: 'import', specifier: localRequire };
    if (scope.localNames.has(callee.name)) return { kind: 'unknown', text: callee.name };
    if (scope.moduleNames.has(callee.name)) return { kind: 'binding', name: callee.name };
    if (timers[callee.name]) return { kind: 'builtin', name: timers[callee.name] };
    return { kind: 'unknown', text: callee.name };
  }
  const property = memberProperty(callee);
  if (property === undefined) return { kind: 'unknown', text: textOf(callee) };
  const object = callee.object;
  if (exportsMemberName(callee) !== undefined && !scope.localNames.has('exports')) return { kind: 'member', object: 'exports', property };
  const requiredObject = requireSpecifier(object) ?? (object.type === 'Identifier' ? scope.localRequires?.get(object.name) : undefined);
  if (requiredObject !== undefined) return { kind: 'import', specifier: requiredObject, name: property };
  if (object.type === 'Identifier' && object.name === 'process' && property === 'nextTick' && !scope.moduleNames.has('process')) {
    return { kind: 'builtin', name: 'process.nextTick' };
  }
  const constructor = object.type === 'Identifier' ? scope.instanceOf?.get(object.name) : undefined;
  if (constructor !== undefined) return { kind: 'instance', of: constructor, object: object.name, name: property };
  if (object.type === 'Identifier' && !scope.localNames.has(object.name) && scope.moduleNames.has(object.name)) {
    return { kind: 'member', object: object.name, property };
  }
  if (property === 'then' || property === 'catch' || property === 'finally') return { kind: 'builtin', name: 'promise.then' };
  if (property === 'on' || property === 'addListener' || property === 'prependListener') return { kind: 'builtin', name: 'emitter.on' };
  if (property === 'once' || property === 'prependOnceListener') return { kind: 'builtin', name: 'emitter.once' };
  if (arrayIterators.has(property)) return { kind: 'builtin', name: 'array.iterate' };
  const isThis = object.type === 'ThisExpression' || (object.type === 'Identifier' && scope.thisAliases.has(object.name));
  if (isThis || object.type === 'Identifier' || object.type === 'MemberExpression') return { kind: 'method', name: property, onThis: isThis };
  return { kind: 'unknown', text: textOf(callee) };
}
