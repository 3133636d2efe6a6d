import type { AnyNode } from '../transforms/shared/ast';
import { errorName, exportsMemberName, isFunction, isModuleExports, memberProperty, refOf, requireSpecifier, textOf, type RefScope } from './syntax';
import type { EscapeFact, CallbackCall, Ref } from './types';

/**
 * How a file uses functions other than by calling them: passed to another function (Express,
 * mocha, the async library), stored (an array, a property), or inspected (`fn.length`,
 * `fn[Symbol.toStringTag]`). Such a function escapes: those uses keep its callback form.
 */

/** Parameter names of the enclosing functions, innermost first (a chain: no copying per function). */
interface Shadow {
  names: readonly string[];
  outer: Shadow | null;
}

function isShadowed(shadow: Shadow | null, name: string): boolean {
  for (let scope = shadow; scope; scope = scope.outer) if (scope.names.includes(name)) return true;
  return false;
}

interface Visit {
  node: AnyNode;
  parent: AnyNode | null;
  key: string;
  grandparent: AnyNode | null;
  shadow: Shadow | null;
}

const skippedKeys = new Set(['loc', 'start', 'end', 'extra', 'range', 'leadingComments', 'trailingComments', 'innerComments', 'comments', 'type']);

/** Every node with its parent, its key in the parent and the parameters in scope, in source order. */
function visitAll(program: AnyNode, visit: (visit: Visit) => void): void {
  const stack: Visit[] = [{ node: program, parent: null, key: '', grandparent: null, shadow: null }];
  while (stack.length > 0) {
    const current = stack.pop()!;
    visit(current);
    const { node } = current;
    let shadow = current.shadow;
    if (isFunction(node) && node.params.length > 0) {
      shadow = { names: node.params.filter((p: AnyNode) => p.type === 'Identifier').map((p: AnyNode) => p.name), outer: shadow };
    }
    for (const key in node) {
      if (skippedKeys.has(key)) continue;
      const value = node[key];
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          if (value[i] && typeof value[i].type === 'string') stack.push({ node: value[i], parent: node, key, grandparent: current.parent, shadow });
        }
      } else if (value && typeof value.type === 'string') {
        stack.push({ node: value, parent: node, key, grandparent: current.parent, shadow });
      }
    }
  }
}

const declarationKeys = new Set(['id', 'params', 'local', 'imported', 'exported', 'label']);

/** Export forms name a function without letting it escape into code of this package. */
function isExportPosition(parent: AnyNode, key: string, grandparent: AnyNode | null): boolean {
  if (parent.type === 'ExportSpecifier' || parent.type === 'ExportDefaultDeclaration') return true;
  if (parent.type === 'AssignmentExpression' && key === 'right') return isModuleExports(parent.left) || exportsMemberName(parent.left) !== undefined;
  if (parent.type === 'ObjectProperty' && key === 'value' && grandparent?.type === 'ObjectExpression') return true; // decided by the caller
  return false;
}

function classify(node: AnyNode, parent: AnyNode, key: string): Pick<EscapeFact, 'how' | 'detail'> | undefined {
  if (parent.type === 'CallExpression' || parent.type === 'NewExpression' || parent.type === 'OptionalCallExpression') {
    return key === 'arguments' ? { how: 'passed', detail: `passed to ${textOf(parent.callee)}` } : undefined;
  }
  if (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') {
    if (key !== 'object') return undefined;
    const property = memberProperty(parent);
    if (property === 'length') return { how: 'inspected', detail: `${textOf(node)}.length read` };
    if (property === 'bind') return { how: 'passed', detail: `${textOf(node)}.bind(…)` };
    if (parent.computed && textOf(parent.property) === 'Symbol.toStringTag') return { how: 'inspected', detail: `${textOf(node)}[Symbol.toStringTag] read` };
    return undefined;
  }
  if (parent.type === 'UnaryExpression' || parent.type === 'BinaryExpression' || parent.type === 'IfStatement' || parent.type === 'LogicalExpression') return undefined;
  if (parent.type === 'AssignmentExpression' && key === 'left') return undefined;
  if (parent.type === 'ExpressionStatement' || parent.type === 'SequenceExpression') return undefined;
  const where: Record<string, string> = {
    ArrayExpression: 'put in an array',
    ObjectProperty: 'put in an object',
    AssignmentExpression: 'assigned',
    VariableDeclarator: 'assigned to a variable',
    ReturnStatement: 'returned',
    ConditionalExpression: 'used as a value',
  };
  return { how: 'stored', detail: where[parent.type] ?? 'used as a value' };
}

/** A name being bound (`const { f } = …`, `[f] = …`), not read. */
function isPatternPosition(parent: AnyNode, key: string, grandparent: AnyNode | null): boolean {
  if (parent.type === 'ArrayPattern' || parent.type === 'RestElement' || (parent.type === 'AssignmentPattern' && key === 'left')) return true;
  return parent.type === 'ObjectProperty' && grandparent?.type === 'ObjectPattern';
}

/** Whether an object literal is the value of `module.exports = { … }` (its properties are exports). */
function isExportsObject(object: AnyNode | null, visits: Map<AnyNode, Visit>): boolean {
  const owner = object ? visits.get(object) : undefined;
  return owner?.parent?.type === 'AssignmentExpression' && owner.key === 'right' && isModuleExports(owner.parent.left);
}

/** Escapes of module-scope functions and methods, and calls with an inline error-first callback, in one walk. */
export interface Uses {
  escapes: EscapeFact[];
  callbackCalls: CallbackCall[];
  dependencies: string[];
  /** Names the file only ever gives `new C(…)` (never a parameter, never anything else), with C. */
  instanceOf: Map<string, string>;
}

export function findUses(program: AnyNode, moduleNames: ReadonlySet<string>): Uses {
  const dependencies = new Set<string>();
  const escapes: EscapeFact[] = [];
  const callbackCalls: CallbackCall[] = [];
  const visits = new Map<AnyNode, Visit>();
  // `const ping = require('./ping')` inside a function (to break a cycle): seen before its uses, in source order.
  const localRequires = new Map<string, string>();
  const instanceOf = new Map<string, string>();
  const notInstances = new Set<string>();
  const scope = { moduleNames, localNames: new Set<string>(), thisAliases: new Set(['self', 'that', '_this']), localRequires, instanceOf };
  visitAll(program, (visit) => {
    const { node, parent, key, grandparent } = visit;
    noteInstance(visit, moduleNames, instanceOf, notInstances);
    if (node.type === 'ObjectExpression') visits.set(node, visit);
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && !moduleNames.has(node.id.name)) {
      const specifier = requireSpecifier(node.init);
      if (specifier !== undefined) localRequires.set(node.id.name, specifier);
    }
    if (node.type === 'CallExpression' || node.type === 'OptionalCallExpression') {
      const call = readCallbackCall(node, scope, visit.shadow);
      if (call) callbackCalls.push(call);
    }
    const specifier = dependencyOf(node);
    if (specifier !== undefined) dependencies.add(specifier);
    if (!parent) return;
    let ref: Ref | undefined;
    if (node.type === 'Identifier' && moduleNames.has(node.name) && !isShadowed(visit.shadow, node.name)) {
      if (declarationKeys.has(key) || (key === 'key' && !parent.computed) || (key === 'property' && !parent.computed)) return;
      if (isPatternPosition(parent, key, grandparent)) return;
      if (parent.type === 'ObjectProperty' && key === 'value' && isExportsObject(grandparent, visits)) return;
      if (isExportPosition(parent, key, grandparent) && parent.type !== 'ObjectProperty') return;
      ref = { kind: 'binding', name: node.name };
    } else if ((node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') && !node.computed) {
      if (parent.type === 'MemberExpression' && key === 'object' && !['bind', 'length'].includes(memberProperty(parent) ?? '')) return; // a.b.c: only the outer one counts
      const found = refOf(node, scope);
      if (found.kind !== 'member' && found.kind !== 'method') return;
      if (isExportPosition(parent, key, grandparent) && parent.type !== 'ObjectProperty') return;
      ref = found;
    }
    if (!ref) return;
    const use = classify(node, parent, key);
    if (use) escapes.push({ ref, ...use, line: node.loc?.start.line ?? 0 });
  });
  // A name found later to take other values: its calls go back to plain method calls.
  for (const name of notInstances) instanceOf.delete(name);
  const untyped = (ref: Ref): Ref => (ref.kind === 'instance' && !instanceOf.has(ref.object) ? { kind: 'method', name: ref.name, onThis: false } : ref);
  return {
    escapes: escapes.map((escape) => ({ ...escape, ref: untyped(escape.ref) })),
    callbackCalls: callbackCalls.map((call) => ({ ...call, ref: untyped(call.ref) })),
    dependencies: [...dependencies].sort(),
    instanceOf,
  };
}

/** `d = new C()`, `const d = new C()`: d is a C, unless the file ever gives d anything else. */
function noteInstance(visit: Visit, moduleNames: ReadonlySet<string>, instanceOf: Map<string, string>, notInstances: Set<string>): void {
  const { node, grandparent } = visit;
  const give = (name: string, value: AnyNode | null | undefined) => {
    const made = value?.type === 'NewExpression' && value.callee.type === 'Identifier' && moduleNames.has(value.callee.name) ? value.callee.name : undefined;
    if (value === null || value === undefined) return; // `var d;` gives nothing
    if (made === undefined || (instanceOf.has(name) && instanceOf.get(name) !== made)) notInstances.add(name);
    else instanceOf.set(name, made);
  };
  if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier') {
    const loopVariable = grandparent?.type === 'ForInStatement' || grandparent?.type === 'ForOfStatement';
    if (loopVariable) notInstances.add(node.id.name);
    else give(node.id.name, node.init);
  } else if (node.type === 'AssignmentExpression' && node.left.type === 'Identifier') {
    if (node.operator === '=') give(node.left.name, node.right);
    else notInstances.add(node.left.name);
  } else if (isFunction(node)) {
    for (const name of declaredParamNames(node)) notInstances.add(name);
  } else if (node.type === 'CatchClause' && node.param?.type === 'Identifier') {
    notInstances.add(node.param.name);
  } else if (node.type === 'VariableDeclarator') {
    for (const name of patternNames(node.id)) notInstances.add(name);
  }
}

function declaredParamNames(fn: AnyNode): string[] {
  return fn.params.flatMap(patternNames);
}

function patternNames(pattern: AnyNode): string[] {
  if (!pattern) return [];
  switch (pattern.type) {
    case 'Identifier':
      return [pattern.name];
    case 'AssignmentPattern':
      return patternNames(pattern.left);
    case 'RestElement':
      return patternNames(pattern.argument);
    case 'ArrayPattern':
      return pattern.elements.flatMap(patternNames);
    case 'ObjectPattern':
      return pattern.properties.flatMap((p: AnyNode) => patternNames(p.type === 'RestElement' ? p.argument : p.value));
    default:
      return [];
  }
}

/** The literal specifier of require(), import, export … from, or import(). */
function dependencyOf(node: AnyNode): string | undefined {
  const required = requireSpecifier(node);
  if (required !== undefined) return required;
  if ((node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'ExportNamedDeclaration') && node.source) return node.source.value;
  if (node.type === 'ImportExpression' && node.source?.type === 'StringLiteral') return node.source.value;
  if (node.type === 'CallExpression' && node.callee.type === 'Import' && node.arguments[0]?.type === 'StringLiteral') return node.arguments[0].value;
  return undefined;
}

/** A call whose last argument is a function, or a name of something that may be one. */
function readCallbackCall(node: AnyNode, scope: RefScope, shadow: Shadow | null): CallbackCall | undefined {
  const lastArgument = node.arguments[node.arguments.length - 1];
  if (!lastArgument) return undefined;
  let last: CallbackCall['last'];
  if (lastArgument.type === 'FunctionExpression' || lastArgument.type === 'ArrowFunctionExpression') {
    const first = lastArgument.params[0];
    last = first?.type === 'Identifier' && errorName.test(first.name) ? 'error-first-function' : 'function';
  } else if (lastArgument.type === 'Identifier') {
    last = 'name';
  } else {
    return undefined;
  }
  const ref = refOf(node.callee, { ...scope, localNames: { has: (name: string) => isShadowed(shadow, name) } });
  // A promise's rejection handler, a timer: not a callback API. Unknown callees matter only for the share.
  if (ref.kind === 'builtin' || (ref.kind === 'unknown' && last !== 'error-first-function')) return undefined;
  return { ref, text: textOf(node.callee), line: node.loc?.start.line ?? 0, column: (node.loc?.start.column ?? 0) + 1, last };
}
