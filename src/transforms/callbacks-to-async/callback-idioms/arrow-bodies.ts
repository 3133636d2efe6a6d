import type { JSCodeshift } from 'jscodeshift';
import { isCallOf, walk, type AnyNode } from '../../shared/ast';

/**
 * `(er) => cb(er)` as an operation's callback: `(er) => { return cb(er); }`, the same function,
 * whose call of the callback is then a statement the rewrite turns into a return or throw.
 */
export function blockArrowCalls(j: JSCodeshift, fn: AnyNode, cb: string): void {
  walk(fn.body, (node) => {
    if (node.type === 'ArrowFunctionExpression' && isCallOf(node.body, cb)) {
      const statement = j.returnStatement(node.body);
      statement.loc = node.body.loc;
      node.body = j.blockStatement([statement]);
    }
  });
}
