import { childNodes, type AnyNode } from '../transforms/shared/ast';
import { isFunction, memberProperty, requireSpecifier } from './syntax';

/**
 * Questions about a function's parameters before its body is read: is the last one a
 * callback, which parameters it replaces when left out, whether it has a default, which local
 * names stand for `this` or for a required module.
 */

/** The callback is called, or passed to a call, somewhere in the body. */
export function usesAsCallback(body: AnyNode, name: string): boolean {
  const stack: AnyNode[] = [body];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node.type === 'CallExpression' || node.type === 'OptionalCallExpression') {
      const callee = node.callee;
      if (callee.type === 'Identifier' && callee.name === name) return true;
      if ((memberProperty(callee) === 'call' || memberProperty(callee) === 'apply') && callee.object.type === 'Identifier' && callee.object.name === name) return true;
      if (node.arguments.some((arg: AnyNode) => arg.type === 'Identifier' && arg.name === name)) return true;
    }
    if (isFunction(node) && node !== body && node.params.some((p: AnyNode) => p.type === 'Identifier' && p.name === name)) continue;
    stack.push(...childNodes(node));
  }
  return false;
}

export function localRequiresOf(fn: AnyNode): Map<string, string> {
  const found = new Map<string, string>();
  const stack: AnyNode[] = [fn.body];
  while (stack.length > 0) {
    const node = stack.pop();
    const specifier = node.type === 'VariableDeclarator' && node.id.type === 'Identifier' ? requireSpecifier(node.init) : undefined;
    if (specifier !== undefined) found.set(node.id.name, specifier);
    stack.push(...childNodes(node));
  }
  return found;
}

/**
 * Every use of the name is one a function allows: called, passed, tested, compared, stored. A
 * parameter read as a number or an object (`i < howMany`, `opts.x`) is not a callback.
 */
export function isUsedOnlyAsFunction(body: AnyNode, name: string): boolean {
  const stack: Array<[AnyNode, AnyNode | null, string]> = [[body, null, '']];
  while (stack.length > 0) {
    const [node, parent, key] = stack.pop()!;
    if (node.type === 'Identifier' && node.name === name && parent) {
      if (!isFunctionUse(parent, key)) return false;
      continue;
    }
    if (isFunction(node) && node !== body && node.params.some((p: AnyNode) => p.type === 'Identifier' && p.name === name)) continue;
    for (const [childKey, value] of Object.entries(node)) {
      if (childKey === 'loc' || childKey.endsWith('Comments')) continue;
      if (Array.isArray(value)) for (const item of value) { if (item && typeof item.type === 'string') stack.push([item, node, childKey]); }
      else if (value && typeof (value as AnyNode).type === 'string') stack.push([value, node, childKey]);
    }
  }
  return true;
}

function isFunctionUse(parent: AnyNode, key: string): boolean {
  switch (parent.type) {
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      if (key === 'property') return !parent.computed;
      return ['call', 'apply', 'bind', 'length', 'name'].includes(memberProperty(parent) ?? '');
    case 'BinaryExpression':
      return ['===', '!==', '==', '!=', 'instanceof'].includes(parent.operator);
    case 'ObjectProperty':
      return key === 'value' || !parent.computed;
    case 'CallExpression':
    case 'OptionalCallExpression':
    case 'NewExpression':
    case 'UnaryExpression':
    case 'LogicalExpression':
    case 'IfStatement':
    case 'ConditionalExpression':
    case 'AssignmentExpression':
    case 'AssignmentPattern':
    case 'VariableDeclarator':
    case 'ReturnStatement':
    case 'ArrayExpression':
    case 'ExpressionStatement':
    case 'SequenceExpression':
    case 'ArrowFunctionExpression':
      return true;
    default:
      return false;
  }
}

export function thisAliasesOf(fn: AnyNode): Set<string> {
  const aliases = new Set<string>();
  const stack: AnyNode[] = [fn.body];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.init?.type === 'ThisExpression') aliases.add(node.id.name);
    stack.push(...childNodes(node));
  }
  return aliases;
}

export function isTypeofFunction(test: AnyNode, name?: string): string | undefined {
  if (test?.type !== 'BinaryExpression' || !['===', '=='].includes(test.operator)) return undefined;
  const [unary, literal] = test.left.type === 'UnaryExpression' ? [test.left, test.right] : [test.right, test.left];
  if (unary?.type !== 'UnaryExpression' || unary.operator !== 'typeof' || literal?.type !== 'StringLiteral' || literal.value !== 'function') return undefined;
  if (unary.argument.type !== 'Identifier' || (name !== undefined && unary.argument.name !== name)) return undefined;
  return unary.argument.name;
}

/** `if (typeof opts === 'function') { cb = opts; opts = {} }` (or `return f(a, {}, opts)`): the name `opts`. */
export function shiftedParam(statement: AnyNode, cb: string, params: string[]): string | undefined {
  if (statement.type !== 'IfStatement' || statement.alternate) return undefined;
  const shifted = isTypeofFunction(statement.test);
  if (!shifted || shifted === cb || !params.includes(shifted)) return undefined;
  const body = statement.consequent.type === 'BlockStatement' ? statement.consequent.body : [statement.consequent];
  const assignsCb = body.some((s: AnyNode) => s.type === 'ExpressionStatement' && isAssignmentTo(s.expression, cb) && s.expression.right.type === 'Identifier' && s.expression.right.name === shifted);
  const returnsCallWithIt = body.some((s: AnyNode) => s.type === 'ReturnStatement' && s.argument?.type === 'CallExpression' && s.argument.arguments.some((a: AnyNode) => a.type === 'Identifier' && a.name === shifted));
  return assignsCb || returnsCallWithIt ? shifted : undefined;
}

export function isAssignmentTo(expression: AnyNode, name: string): boolean {
  return expression?.type === 'AssignmentExpression' && expression.left.type === 'Identifier' && expression.left.name === name;
}

/** `cb = cb || noop`, `cb ||= noop`, `if (!cb) cb = noop`, `if (typeof cb !== 'function') cb = noop`, `cb = typeof cb === 'function' ? cb : noop`. */
export function isDefaultCallback(statement: AnyNode, cb: string): boolean {
  if (statement.type === 'ExpressionStatement' && isAssignmentTo(statement.expression, cb)) {
    const { operator, right } = statement.expression;
    if (operator === '||=' || operator === '??=') return true;
    if (right.type === 'LogicalExpression' && right.left.type === 'Identifier' && right.left.name === cb) return true;
    if (right.type === 'ConditionalExpression' && isTypeofFunction(right.test, cb)) return true;
    return false;
  }
  if (statement.type !== 'IfStatement' || statement.alternate) return false;
  const body = statement.consequent.type === 'BlockStatement' ? statement.consequent.body : [statement.consequent];
  const assigns = body.length === 1 && body[0].type === 'ExpressionStatement' && isAssignmentTo(body[0].expression, cb);
  const test = statement.test;
  const negated = test.type === 'UnaryExpression' && test.operator === '!' && test.argument.type === 'Identifier' && test.argument.name === cb;
  const notFunction = test.type === 'BinaryExpression' && ['!==', '!='].includes(test.operator) && isTypeofFunction({ ...test, operator: '===' }, cb) !== undefined;
  return assigns && (negated || notFunction);
}
