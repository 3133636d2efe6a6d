import type { JSCodeshift } from 'jscodeshift';
import { inlineCallbackOf, isFunctionNode, walk, type AnyNode } from '../../shared/ast';
import type { PromisableApi } from '../node-api-table';

/**
 * Node's callback APIs and the ecosystem table's say so; a function of this file or an unknown
 * one may return something (its callback form is not looked into).
 */
export function returnsUndefinedForSure(api: PromisableApi | undefined): boolean {
  return !!api && api.returnsUndefined && api.module !== 'local' && api.module !== 'unknown' && api.module !== 'async';
}

/**
 * `return fs.close(fd, function (er) {…})`: the callback form of such an operation returns
 * undefined, so the `return` gives undefined either way and only ends the path. At the end of a
 * function body it is the call alone; elsewhere `{ fs.close(…); return; }`. Either way the call
 * becomes a statement the call-site rewrite can await. `returnsUndefined` says which calls'
 * callback forms are known to return undefined (Node's and the ecosystem table's).
 */
export function splitVoidReturns(j: JSCodeshift, fn: AnyNode, returnsUndefined: (call: AnyNode) => boolean): void {
  const found: AnyNode[] = [];
  const parents = new Map<AnyNode, AnyNode>();
  walk(fn, (node, parent) => {
    if (parent) parents.set(node, parent);
    if (node.type === 'ReturnStatement' && node.argument?.type === 'CallExpression' && inlineCallbackOf(node.argument) && returnsUndefined(node.argument)) found.push(node);
  });
  for (const statement of found) split(j, statement, parents);
}

function split(j: JSCodeshift, statement: AnyNode, parents: ReadonlyMap<AnyNode, AnyNode>): void {
  const parent = parents.get(statement)!;
  const call = j.expressionStatement(statement.argument);
  call.loc = statement.loc;
  call.comments = statement.comments;
  // Where nothing runs after it in its function, the call alone ends the path.
  const replacement = endsFunction(statement, parents) ? [call] : [call, j.returnStatement(null)];
  if (parent.type === 'BlockStatement') {
    parent.body.splice(parent.body.indexOf(statement), 1, ...replacement);
    return;
  }
  // `if (er) return op(…)`: a block of its own.
  for (const key of ['consequent', 'alternate']) {
    if (parent[key] === statement) parent[key] = j.blockStatement(replacement);
  }
}

/** Is `statement` the last thing its function runs: last in its block, up through ifs and blocks to the body? */
function endsFunction(statement: AnyNode, parents: ReadonlyMap<AnyNode, AnyNode>): boolean {
  let node = statement;
  for (let parent = parents.get(node); parent; node = parent, parent = parents.get(node)) {
    if (isFunctionNode(parent)) return true;
    if (parent.type === 'BlockStatement') {
      if (parent.body[parent.body.length - 1] !== node) return false;
    } else if (parent.type !== 'IfStatement') {
      return false;
    }
  }
  return false;
}
