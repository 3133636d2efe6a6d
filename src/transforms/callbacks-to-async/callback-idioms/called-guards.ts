import { childNodes, isFunctionNode, isIdentifierNamed, type AnyNode } from '../../shared/ast';

/**
 * A `called` guard: a flag that lets a function's body run once,
 *
 *     var called = false;
 *     fs.readFile(p, function (err, d) { if (called) return; called = true; … cb(…); });
 *
 * The proof that follows (callback-protocol.ts) shows, without the guard, that the callback is
 * called exactly once; then the guard never stops anything, and the promise (which settles
 * once) keeps what it stood for. Taken out of the trial copy when the flag starts false, is
 * declared in the function's own body, and is named nowhere but in `if (flag) return;` at the
 * top of one function body followed at once by `flag = true;`. Returns the flags taken out.
 */
export function takeCalledGuards(fn: AnyNode): string[] {
  const body: AnyNode[] = fn.body.body;
  const taken: string[] = [];
  for (const declaration of body.filter(isFalseFlag)) {
    const flag: string = declaration.declarations[0].id.name;
    const guards = guardedBodies(fn.body, flag);
    // One guarded function: a flag shared by several would stop all but the first of them.
    if (!guards || guards.length !== 1 || countNamed(fn.body, flag) !== 3) continue;
    for (const guarded of guards) guarded.splice(0, 2);
    body.splice(body.indexOf(declaration), 1);
    taken.push(flag);
  }
  return taken;
}

/** `var called = false;` (or let), one declarator. */
function isFalseFlag(statement: AnyNode): boolean {
  if (statement.type !== 'VariableDeclaration' || statement.kind === 'const' || statement.declarations.length !== 1) return false;
  const { id, init } = statement.declarations[0];
  return id.type === 'Identifier' && (init?.type === 'BooleanLiteral' || init?.type === 'Literal') && init.value === false;
}

/** The statement lists of function bodies that start with the guard on `flag`. */
function guardedBodies(root: AnyNode, flag: string): AnyNode[][] | undefined {
  const found: AnyNode[][] = [];
  const visit = (node: AnyNode): void => {
    if (isFunctionNode(node) && node.body.type === 'BlockStatement' && startsWithGuard(node.body.body, flag)) found.push(node.body.body);
    for (const child of childNodes(node)) visit(child);
  };
  visit(root);
  return found;
}

/** `if (flag) return;` (or `{ return; }`) then `flag = true;`. */
function startsWithGuard(statements: AnyNode[], flag: string): boolean {
  const [check, set] = statements;
  if (check?.type !== 'IfStatement' || check.alternate || !isIdentifierNamed(check.test, flag)) return false;
  const exit = check.consequent.type === 'BlockStatement' && check.consequent.body.length === 1 ? check.consequent.body[0] : check.consequent;
  if (exit.type !== 'ReturnStatement' || exit.argument) return false;
  const expression = set?.type === 'ExpressionStatement' ? set.expression : undefined;
  return expression?.type === 'AssignmentExpression' && expression.operator === '=' && isIdentifierNamed(expression.left, flag) &&
    (expression.right.type === 'BooleanLiteral' || expression.right.type === 'Literal') && expression.right.value === true;
}

function countNamed(root: AnyNode, name: string): number {
  let count = 0;
  const visit = (node: AnyNode): void => {
    if (node.type === 'Identifier' && node.name === name) count++;
    for (const child of childNodes(node)) visit(child);
  };
  visit(root);
  return count;
}
