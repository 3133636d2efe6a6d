import type { JSCodeshift } from 'jscodeshift';
import { childNodes, isFunctionNode, isIdentifierNamed, isReferenceIdentifier, walk, type AnyNode } from '../shared/ast';

/**
 * `next()` recursion as loops. Inside a callback function:
 *
 *     function next() { BODY }     // no parameters
 *     next();                      // the function's last statement
 *
 * where BODY calls `next()` only as a statement (or `return next()`), becomes
 *
 *     while (true) { BODY }        // each `next()` now `continue;`
 *
 * Works on a trial copy: the `continue`s may sit inside callbacks until those are converted,
 * and the trial is kept only when every one of them ends up directly in the loop.
 */
export interface NextLoop {
  loop: AnyNode;
  continues: AnyNode[];
}

function isCallStatementOf(statement: AnyNode, name: string): boolean {
  const expression = statement.type === 'ExpressionStatement' ? statement.expression : statement.type === 'ReturnStatement' ? statement.argument : undefined;
  return !!expression && expression.type === 'CallExpression' && isIdentifierNamed(expression.callee, name) && expression.arguments.length === 0;
}

/** Every reference to `name` below `root`, with its parent and grandparent. */
function references(root: AnyNode, name: string): Array<{ node: AnyNode; parent: AnyNode; grandparent: AnyNode | null }> {
  const found: Array<{ node: AnyNode; parent: AnyNode; grandparent: AnyNode | null }> = [];
  const recurse = (node: AnyNode, parent: AnyNode | null, grandparent: AnyNode | null) => {
    if (node.type === 'Identifier' && node.name === name && parent && isReferenceIdentifier(node, parent)) found.push({ node, parent, grandparent });
    for (const child of childNodes(node)) recurse(child, node, parent);
  };
  recurse(root, null, null);
  return found;
}

export function rewriteNextLoops(j: JSCodeshift, fn: AnyNode): NextLoop[] {
  const body: AnyNode[] = fn.body?.type === 'BlockStatement' ? fn.body.body : [];
  const last = body[body.length - 1];
  if (!last || !isCallStatementOf(last, last.expression?.callee?.name ?? '')) return [];
  const name: string = last.expression.callee.name;
  const declarationIndex = body.findIndex((statement) => statement.type === 'FunctionDeclaration' && isIdentifierNamed(statement.id, name));
  const declaration = body[declarationIndex];
  if (!declaration || declaration.params.length > 0 || declaration.async || declaration.generator) return [];
  // Every other use must be a `next();` or `return next();` statement inside the function itself.
  const uses = references(fn.body, name).filter(({ node, parent }) => !(parent === declaration && declaration.id === node));
  const statements = uses.map(({ parent, grandparent }) => (parent.type === 'CallExpression' ? grandparent : null));
  if (statements.some((statement) => !statement || !isCallStatementOf(statement, name) || (statement !== last && !contains(declaration.body, statement)))) return [];

  const continues: AnyNode[] = [];
  for (const statement of statements) {
    if (statement === last) continue;
    for (const key of Object.keys(statement)) if (key !== 'loc' && key !== 'comments') delete statement[key];
    statement.type = 'ContinueStatement';
    statement.label = null;
    continues.push(statement);
  }
  const loop = j.whileStatement(j.booleanLiteral(true), declaration.body);
  loop.comments = declaration.comments;
  body.splice(declarationIndex, 1);
  body[body.length - 1] = loop;
  return [{ loop, continues }];
}

function contains(root: AnyNode, target: AnyNode): boolean {
  let found = false;
  walk(root, (node) => {
    if (node === target) found = true;
    return !found;
  });
  return found;
}

/** A `continue;` that ends the loop body does nothing: drop it once the body is flat. */
export function dropTrailingContinue(loop: NextLoop): void {
  const body: AnyNode[] = loop.loop.body.body;
  const last = body[body.length - 1];
  if (last?.type === 'ContinueStatement' && !last.label && !last.comments?.length) body.pop();
}

/** Does every `continue` made for the loop sit in the loop itself (not in a function inside it)? */
export function continuesStayInLoop(loop: NextLoop): boolean {
  const owners = new Map<AnyNode, AnyNode>();
  const wanted = new Set(loop.continues);
  const recurse = (node: AnyNode, owner: AnyNode) => {
    if (wanted.has(node)) owners.set(node, owner);
    const next = node !== loop.loop && (isFunctionNode(node) || /^(For|ForIn|ForOf|While|DoWhile)Statement$/.test(node.type)) ? node : owner;
    for (const child of childNodes(node)) recurse(child, next);
  };
  recurse(loop.loop, loop.loop);
  return [...owners.values()].every((owner) => owner === loop.loop);
}
