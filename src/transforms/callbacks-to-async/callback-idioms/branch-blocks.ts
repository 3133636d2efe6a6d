import type { JSCodeshift } from 'jscodeshift';
import { inlineCallbackOf, isIdentifierNamed, walk, type AnyNode } from '../../shared/ast';
import { isErrorParamName } from '../../shared/error-names';

/**
 * `if (s.isDirectory()) cb(null); else options.unlink(p, cb)`: a call that carries a callback
 * (an inline error-first one, or the function's own `cb` handed on) written as the bare branch of an if gets a
 * block of its own, `else { options.unlink(p, cb) }`, the same statement in the same place.
 * The call-site rewrite awaits inside a statement list only; without one it would start an
 * async IIFE there.
 */
export function blockBranchCalls(j: JSCodeshift, fn: AnyNode, cb: string): void {
  const branches: Array<{ ifStatement: AnyNode; key: 'consequent' | 'alternate' }> = [];
  walk(fn, (node) => {
    if (node.type !== 'IfStatement') return;
    for (const key of ['consequent', 'alternate'] as const) if (carriesCallback(node[key], cb)) branches.push({ ifStatement: node, key });
  });
  for (const { ifStatement, key } of branches) {
    const statement = ifStatement[key];
    const block = j.blockStatement([statement]);
    block.loc = statement.loc;
    ifStatement[key] = block;
  }
}

function carriesCallback(statement: AnyNode | null | undefined, cb: string): boolean {
  if (statement?.type !== 'ExpressionStatement' || statement.expression.type !== 'CallExpression') return false;
  const call = statement.expression;
  if (isIdentifierNamed(call.callee, cb)) return false;
  const first = inlineCallbackOf(call)?.params[0];
  return (first?.type === 'Identifier' && isErrorParamName(first.name)) || isIdentifierNamed(call.arguments[call.arguments.length - 1], cb);
}
