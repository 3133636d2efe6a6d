import { childNodes, isFunctionNode, isIdentifierNamed, patternNames, referencesName, type AnyNode } from '../../shared/ast';
import type { ModuleBinding } from '../../shared/module-bindings';
import { assertCallKind, assignedValue, isAbsenceTest, isFunctionTest, isPresenceTest, isPureLiteral, isStringNamed } from './shapes';

/**
 * Optional callbacks: `cb = cb || noop`, `if (cb) cb(err)`, `cb && cb(err)`, and the checks
 * that throw without one (`assert(typeof cb === 'function')`). The async function always has
 * its "callback" (the promise), so these read as if it was given. What a call without a
 * callback did before (a no-op, nothing, a throw) is what changes: it now gets the promise.
 */
export type WithoutCallback = 'noop' | 'skipped' | 'threw';

const descriptions: Record<WithoutCallback, string> = {
  noop: 'called a no-op in its place',
  skipped: 'ran without calling anything back',
  threw: 'threw synchronously',
};

export function describeWithoutCallback(kinds: ReadonlySet<WithoutCallback>): string {
  return [...kinds].map((kind) => descriptions[kind]).join(' and ');
}

/** A function that does nothing: `function () {}`, `() => {}`, or a module-level `function noop() {}`. */
function isNoop(node: AnyNode, program: AnyNode): boolean {
  if (isFunctionNode(node)) return node.body.type === 'BlockStatement' ? node.body.body.length === 0 : node.body.type === 'Identifier' && node.body.name === 'undefined';
  if (node?.type !== 'Identifier') return false;
  return program.body.some((statement: AnyNode) =>
    (statement.type === 'FunctionDeclaration' && isIdentifierNamed(statement.id, node.name) && statement.body.body.length === 0)
    || (statement.type === 'VariableDeclaration' && statement.declarations.some((declarator: AnyNode) => isIdentifierNamed(declarator.id, node.name) && isFunctionNode(declarator.init) && isNoop(declarator.init, program))));
}

/** `cb = cb || noop`, `cb = typeof cb === 'function' ? cb : noop`, `if (!cb) cb = noop`. */
function isNoopDefault(statement: AnyNode, cb: string, program: AnyNode): boolean {
  if (statement.type === 'IfStatement' && !statement.alternate && isAbsenceTest(statement.test, cb)) {
    const inner = statement.consequent.type === 'BlockStatement' && statement.consequent.body.length === 1 ? statement.consequent.body[0] : statement.consequent;
    return inner.type === 'ExpressionStatement' && isNoop(assignedValue(inner.expression, cb), program);
  }
  const value = statement.type === 'ExpressionStatement' ? assignedValue(statement.expression, cb) : undefined;
  if (value?.type === 'LogicalExpression' && value.operator === '||') return isIdentifierNamed(value.left, cb) && isNoop(value.right, program);
  if (value?.type === 'ConditionalExpression') return isPresenceTest(value.test, cb) && isIdentifierNamed(value.consequent, cb) && isNoop(value.alternate, program);
  return false;
}

/** Arguments an assertion may carry besides the test: a message written out. */
function isPlainMessage(node: AnyNode): boolean {
  return isPureLiteral(node);
}

/** `assert(typeof cb === 'function'[, msg])`, `assert.equal(typeof cb, 'function'[, msg])`, `if (typeof cb !== 'function') throw new TypeError('…')`. */
function isCallbackCheck(statement: AnyNode, cb: string, bindings: readonly ModuleBinding[]): boolean {
  if (statement.type === 'IfStatement' && !statement.alternate && isAbsenceTest(statement.test, cb)) {
    const inner = statement.consequent.type === 'BlockStatement' && statement.consequent.body.length === 1 ? statement.consequent.body[0] : statement.consequent;
    const error = inner.type === 'ThrowStatement' ? inner.argument : undefined;
    return (error?.type === 'NewExpression' || error?.type === 'CallExpression') && error.callee.type === 'Identifier' && /Error$/.test(error.callee.name) && error.arguments.every(isPlainMessage);
  }
  const call = statement.type === 'ExpressionStatement' ? statement.expression : undefined;
  const kind = assertCallKind(call, bindings);
  if (kind === 'ok') return isFunctionTest(call.arguments[0], cb) && call.arguments.slice(1).every(isPlainMessage);
  if (kind === 'equal') {
    const [actual, expected, ...rest] = call.arguments;
    return actual?.type === 'UnaryExpression' && actual.operator === 'typeof' && isIdentifierNamed(actual.argument, cb) && isStringNamed(expected, 'function') && rest.every(isPlainMessage);
  }
  return false;
}

/** `cb && cb(…)` or `typeof cb === 'function' && cb(…)`: the call. */
function guardedCall(expression: AnyNode, cb: string): AnyNode | undefined {
  if (expression?.type !== 'LogicalExpression' || expression.operator !== '&&' || !isPresenceTest(expression.left, cb)) return undefined;
  const call = expression.right;
  return call.type === 'CallExpression' && isIdentifierNamed(call.callee, cb) ? call : undefined;
}

/** What a top-level statement of the function says about a missing callback, if it is one of these idioms. */
export function withoutCallbackOf(statement: AnyNode, cb: string, program: AnyNode, bindings: readonly ModuleBinding[]): WithoutCallback | undefined {
  if (isNoopDefault(statement, cb, program)) return 'noop';
  if (isCallbackCheck(statement, cb, bindings)) return 'threw';
  return undefined;
}

/**
 * Takes the guarded calls (`if (cb) cb(err)`, `cb && cb(err)`) out of `fn` (a trial copy),
 * anywhere the callback is the function's own; adds 'skipped' to `kinds` when there was one.
 */
export function takeGuardedCalls(fn: AnyNode, cb: string, kinds: Set<WithoutCallback>): void {
  const visit = (node: AnyNode) => {
    if (node !== fn && isFunctionNode(node) && node.params.some((param: AnyNode) => patternNames(param).includes(cb))) return;
    const lists = [Array.isArray(node.body) ? node.body : undefined, node.type === 'SwitchCase' ? node.consequent : undefined];
    for (const list of lists) list?.forEach((item: AnyNode, index: number) => (list[index] = unguard(item)));
    if (node.type === 'IfStatement') {
      node.consequent = unguard(node.consequent);
      if (node.alternate) node.alternate = unguard(node.alternate);
    }
    if (/^(For|ForIn|ForOf|While|DoWhile|Labeled)Statement$/.test(node.type)) node.body = unguard(node.body);
    if (node.type === 'ArrowFunctionExpression' && node.body.type !== 'BlockStatement') {
      const call = guardedCall(node.body, cb);
      if (call) {
        kinds.add('skipped');
        node.body = call;
      }
    }
    for (const child of childNodes(node)) visit(child);
  };
  const unguard = (statement: AnyNode): AnyNode => {
    if (statement?.type === 'IfStatement' && !statement.alternate && isPresenceTest(statement.test, cb)) {
      kinds.add('skipped');
      return statement.consequent;
    }
    const expression = statement?.type === 'ExpressionStatement' ? statement.expression : statement?.type === 'ReturnStatement' ? statement.argument : undefined;
    const call = guardedCall(expression, cb);
    if (call) {
      kinds.add('skipped');
      if (statement.type === 'ExpressionStatement') statement.expression = call;
      else statement.argument = call;
    }
    return statement;
  };
  visit(fn.body);
}
