import type { AnyNode } from '../transforms/shared/ast';
import { errorName, exportsMemberName, isFunction, isModuleExports, memberProperty, refOf, textOf } from './syntax';
import type { EscapeFact, InlineCallbackCall, Ref } from './types';

/**
 * How a file uses functions other than by calling them: passed to another function (Express,
 * mocha, the async library), stored (an array, a property), or inspected (`fn.length`,
 * `fn[Symbol.toStringTag]`). Such a function escapes: those uses keep its callback form.
 */

interface Visit {
  node: AnyNode;
  parent: AnyNode | null;
  key: string;
  grandparent: AnyNode | null;
  shadowed: ReadonlySet<string>;
}

function* visitAll(program: AnyNode): Generator<Visit> {
  const stack: Visit[] = [{ node: program, parent: null, key: '', grandparent: null, shadowed: new Set() }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    yield visit;
    const { node } = visit;
    let shadowed = visit.shadowed;
    if (isFunction(node)) {
      const params = node.params.filter((p: AnyNode) => p.type === 'Identifier').map((p: AnyNode) => p.name);
      if (params.length > 0) shadowed = new Set([...shadowed, ...params]);
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'loc' || key.endsWith('Comments')) continue;
      const push = (child: AnyNode) => stack.push({ node: child, parent: node, key, grandparent: visit.parent, shadowed });
      if (Array.isArray(value)) for (let i = value.length - 1; i >= 0; i--) { if (value[i] && typeof value[i].type === 'string') push(value[i]); }
      else if (value && typeof (value as AnyNode).type === 'string') push(value);
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

export function findEscapes(program: AnyNode, moduleNames: ReadonlySet<string>): EscapeFact[] {
  const escapes: EscapeFact[] = [];
  const visits = new Map<AnyNode, Visit>();
  const scope = { moduleNames, localNames: new Set<string>(), thisAliases: new Set(['self', 'that', '_this']) };
  for (const visit of visitAll(program)) {
    const { node, parent, key, grandparent } = visit;
    if (node.type === 'ObjectExpression') visits.set(node, visit);
    if (!parent) continue;
    let ref: Ref | undefined;
    if (node.type === 'Identifier' && moduleNames.has(node.name) && !visit.shadowed.has(node.name)) {
      if (declarationKeys.has(key) || (key === 'key' && !parent.computed) || (key === 'property' && !parent.computed)) continue;
      if (isPatternPosition(parent, key, grandparent)) continue;
      if (parent.type === 'ObjectProperty' && key === 'value' && isExportsObject(grandparent, visits)) continue;
      if (isExportPosition(parent, key, grandparent) && parent.type !== 'ObjectProperty') continue;
      ref = { kind: 'binding', name: node.name };
    } else if ((node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') && !node.computed) {
      if (parent.type === 'MemberExpression' && key === 'object' && !['bind', 'length'].includes(memberProperty(parent) ?? '')) continue; // a.b.c: only the outer one counts
      const found = refOf(node, scope);
      if (found.kind !== 'member' && found.kind !== 'method') continue;
      if (isExportPosition(parent, key, grandparent) && parent.type !== 'ObjectProperty') continue;
      ref = found;
    }
    if (!ref) continue;
    const use = classify(node, parent, key);
    if (use) escapes.push({ ref, ...use, line: node.loc?.start.line ?? 0 });
  }
  return escapes;
}

/** Calls whose last argument is an inline function with an error-named first parameter. */
export function findInlineCallbackCalls(program: AnyNode, moduleNames: ReadonlySet<string>): InlineCallbackCall[] {
  const calls: InlineCallbackCall[] = [];
  const scope = { moduleNames, localNames: new Set<string>(), thisAliases: new Set(['self', 'that', '_this']) };
  for (const { node, shadowed } of visitAll(program)) {
    if (node.type !== 'CallExpression' && node.type !== 'OptionalCallExpression') continue;
    const last = node.arguments[node.arguments.length - 1];
    if (!last || (last.type !== 'FunctionExpression' && last.type !== 'ArrowFunctionExpression')) continue;
    const first = last.params[0];
    if (first?.type !== 'Identifier' || !errorName.test(first.name)) continue;
    const ref = refOf(node.callee, { ...scope, localNames: shadowed });
    if (ref.kind === 'builtin') continue; // a promise's rejection handler, a timer: not a callback API
    calls.push({ ref, text: textOf(node.callee), line: node.loc?.start.line ?? 0 });
  }
  return calls;
}
