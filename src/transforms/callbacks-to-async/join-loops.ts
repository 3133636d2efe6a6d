import type { JSCodeshift } from 'jscodeshift';
import { isIdentifierNamed, referencesName, some, varNames, walk, type AnyNode } from '../shared/ast';

/**
 * The loops a counter join starts its operations in (counter-joins.ts), and how each becomes
 * the list of promises that Promise.all joins:
 *
 * - `items.forEach((x, i) => { … })`        → `items.map(async (x, i) => { … })`
 * - `for (const x of items) { … }`           → `Array.from(items, async (x) => { … })`
 * - an index `for`, a `for…in`, or a loop whose body is `(function (i) { … })(i)`: the loop
 *   stays as written and each pass pushes its item's promise,
 *   `for (…) { started.push((async () => { … })()); }`, so its bindings (a shared `var i`
 *   included) are read by the item exactly as the callback read them.
 */
export interface JoinLoop {
  /** The loop statement itself. */
  statement: AnyNode;
  /** The statements that run per item (where the operation is). */
  body: AnyNode[];
  /** The parameters of the item function (map and from forms). */
  params: AnyNode[];
  form: 'map' | 'from' | 'push';
  /** The list (map and from forms). */
  items?: AnyNode;
  /** `(function (i) { … })(i)`: the per-item function the loop body already calls (push form). */
  iife?: AnyNode;
  /** What the counter must start at for the join to wait for exactly the items started (push form). */
  count?: AnyNode;
}

/** The loop's items, item parameters and body statements, or undefined when `statement` is no join loop. */
export function joinLoopOf(statement: AnyNode): JoinLoop | undefined {
  if (statement.type === 'ForOfStatement' && !statement.await && statement.left.type === 'VariableDeclaration' && statement.left.declarations.length === 1) {
    const body = statement.body.type === 'BlockStatement' ? statement.body.body : [statement.body];
    return { statement, items: statement.right, params: [statement.left.declarations[0].id], body, form: 'from' };
  }
  if (statement.type === 'ForStatement' || statement.type === 'ForInStatement') return pushLoopOf(statement);
  const call = statement.type === 'ExpressionStatement' ? statement.expression : undefined;
  if (!call || call.type !== 'CallExpression' || call.callee.type !== 'MemberExpression' || call.callee.computed) return undefined;
  if (!isIdentifierNamed(call.callee.property, 'forEach') || call.arguments.length !== 1) return undefined;
  const fn = call.arguments[0];
  if ((fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression') || fn.async || fn.generator || fn.body.type !== 'BlockStatement') return undefined;
  if (fn.type === 'FunctionExpression' && usesOwnBindings(fn.body)) return undefined;
  return { statement, items: call.callee.object, params: fn.params, body: fn.body.body, form: 'map' };
}

function usesOwnBindings(body: AnyNode): boolean {
  return some(body, (node) => node.type === 'ThisExpression' || isIdentifierNamed(node, 'arguments'), { skipNonArrowFunctions: true });
}

/**
 * An index `for` (`for (var i = 0; i < list.length; i++)`, count `list.length`) or a `for…in`
 * (count `Object.keys(obj).length`) whose body can move into a function: no `return`, `break`,
 * `continue` or `var` of its own (those mean something else inside a function).
 */
function pushLoopOf(statement: AnyNode): JoinLoop | undefined {
  const count = statement.type === 'ForStatement' ? indexLoopCount(statement) : objectKeysCount(statement.right);
  if (!count) return undefined;
  const body: AnyNode[] = statement.body.type === 'BlockStatement' ? statement.body.body : [statement.body];
  const iife = body.length === 1 ? iifeOf(body[0]) : undefined;
  if (iife) {
    if (iife.generator || iife.async || iife.body.type !== 'BlockStatement' || (iife.type === 'FunctionExpression' && usesOwnBindings(iife.body))) return undefined;
    return { statement, body: iife.body.body, params: [], form: 'push', iife, count };
  }
  if (varNames(body).length > 0 || body.some((s) => some(s, (node) => /^(Return|Break|Continue)Statement$/.test(node.type) || node.type === 'FunctionDeclaration', { skipFunctions: true }))) return undefined;
  return { statement, body, params: [], form: 'push', count };
}

/** `(function (i) { … })(i);` or `((i) => { … })(i);` */
function iifeOf(statement: AnyNode): AnyNode | undefined {
  const call = statement.type === 'ExpressionStatement' ? statement.expression : undefined;
  const fn = call?.type === 'CallExpression' ? call.callee : undefined;
  return fn && (fn.type === 'FunctionExpression' || fn.type === 'ArrowFunctionExpression') ? fn : undefined;
}

/** `for (var i = 0; i < N; i++)`, `i += 1`, `++i`, with `i` not assigned in the body: N. */
function indexLoopCount(loop: AnyNode): AnyNode | undefined {
  const init = loop.init?.type === 'VariableDeclaration' ? loop.init.declarations[0] : loop.init?.type === 'AssignmentExpression' ? { id: loop.init.left, init: loop.init.right } : undefined;
  if (!init || init.id.type !== 'Identifier' || !isZero(init.init)) return undefined;
  const index: string = init.id.name;
  const test = loop.test;
  if (test?.type !== 'BinaryExpression' || test.operator !== '<' || !isIdentifierNamed(test.left, index)) return undefined;
  const update = loop.update;
  const steps = update?.type === 'UpdateExpression' ? update.operator === '++' && isIdentifierNamed(update.argument, index)
    : update?.type === 'AssignmentExpression' && update.operator === '+=' && isIdentifierNamed(update.left, index) && isOne(update.right);
  if (!steps || assigns(loop.body, index)) return undefined;
  // `for (var i = 0, l = list.length; i < l; i++)`: the count is what `l` starts at.
  const bound = loop.init?.type === 'VariableDeclaration' && test.right.type === 'Identifier'
    ? loop.init.declarations.find((declarator: AnyNode) => isIdentifierNamed(declarator.id, test.right.name))
    : undefined;
  if (bound && assigns(loop.body, test.right.name)) return undefined;
  return bound ? bound.init : test.right;
}

/** `Object.keys(obj).length` for `for (k in obj)`. */
function objectKeysCount(object: AnyNode): AnyNode {
  return {
    type: 'MemberExpression',
    object: { type: 'CallExpression', callee: { type: 'MemberExpression', object: { type: 'Identifier', name: 'Object' }, property: { type: 'Identifier', name: 'keys' }, computed: false }, arguments: [object] },
    property: { type: 'Identifier', name: 'length' },
    computed: false,
  };
}

function assigns(root: AnyNode, name: string): boolean {
  let found = false;
  walk(root, (node) => {
    if ((node.type === 'AssignmentExpression' && isIdentifierNamed(node.left, name)) || (node.type === 'UpdateExpression' && isIdentifierNamed(node.argument, name))) found = true;
    return !found;
  });
  return found;
}

function isZero(node: AnyNode): boolean {
  return (node?.type === 'NumericLiteral' || node?.type === 'Literal') && node.value === 0;
}

function isOne(node: AnyNode): boolean {
  return (node?.type === 'NumericLiteral' || node?.type === 'Literal') && node.value === 1;
}

/** Is `init` (the counter's start) the same expression as the loop's count? Compared as printed code. */
export function startsAtCount(j: JSCodeshift, init: AnyNode | null | undefined, count: AnyNode): boolean {
  if (!init) return false;
  return normalized(j, init) === normalized(j, count);
}

function normalized(j: JSCodeshift, node: AnyNode): string {
  return j(j.expressionStatement(stripped(node))).toSource().replace(/\s+/g, '');
}

/** A location-free copy, so the printer prints it from its fields and not from the original text. */
function stripped(node: AnyNode): AnyNode {
  if (Array.isArray(node)) return node.map(stripped);
  if (!node || typeof node !== 'object') return node;
  const copy: AnyNode = {};
  for (const key of Object.keys(node)) if (key !== 'loc' && key !== 'start' && key !== 'end' && key !== 'original' && key !== 'comments' && key !== 'tokens' && key !== 'extra') copy[key] = stripped(node[key]);
  return copy;
}

/** Builds what replaces a push-form loop: the loop, each pass pushing its item's promise onto `started`. */
export function pushItems(j: JSCodeshift, loop: JoinLoop, started: string): { statements: AnyNode[]; itemFunction: AnyNode } {
  let item: AnyNode;
  let itemFunction: AnyNode;
  if (loop.iife) {
    loop.iife.async = true;
    itemFunction = loop.iife;
    item = loop.statement.body.type === 'BlockStatement' ? loop.statement.body.body[0].expression : loop.statement.body.expression;
  } else {
    itemFunction = j.arrowFunctionExpression([], j.blockStatement(loop.body));
    itemFunction.async = true;
    item = j.callExpression(itemFunction, []);
  }
  const push = j.expressionStatement(j.callExpression(j.memberExpression(j.identifier(started), j.identifier('push')), [item]));
  loop.statement.body = j.blockStatement([push]);
  const declaration = j.variableDeclaration('const', [j.variableDeclarator(j.identifier(started), j.arrayExpression([]))]);
  return { statements: [declaration, loop.statement], itemFunction };
}

/** Does the loop (apart from its body's operation) read `name`? Its head must not read the counter or the callback. */
export function headReads(loop: JoinLoop, name: string): boolean {
  const s = loop.statement;
  const head = s.type === 'ForStatement' ? [s.init, s.test, s.update] : s.type === 'ForInStatement' || s.type === 'ForOfStatement' ? [s.left, s.right] : [];
  return head.some((part: AnyNode) => part && referencesName(part, name));
}
