import type { JSCodeshift } from 'jscodeshift';
import { collectIdentifierNames, declaredNames, some, uniqueName, varNames, type AnyNode } from '../shared/ast';
import { isStraightLine } from '../shared/control-flow';
import type { Placement } from '../shared/async-placement';

/** `(async () => {…})();` (or with `void`) where awaitify made the arrow: the statement's arrow. */
function ownIifeArrow(statement: AnyNode, own: WeakSet<AnyNode>): AnyNode | undefined {
  if (statement?.type !== 'ExpressionStatement') return undefined;
  const expression = statement.expression.type === 'UnaryExpression' && statement.expression.operator === 'void' ? statement.expression.argument : statement.expression;
  if (expression.type !== 'CallExpression' || expression.arguments.length > 0) return undefined;
  const arrow = expression.callee;
  return own.has(arrow) && arrow.params.length === 0 && arrow.body.type === 'BlockStatement' ? arrow : undefined;
}

function hasAwait(node: AnyNode): boolean {
  return some(node, (inner) => inner.type === 'AwaitExpression' || (inner.type === 'ForOfStatement' && inner.await), { skipFunctions: true });
}

/** An IIFE body cut at its first await: `before; [const x =] await start; rest`. */
interface FirstAwait {
  before: AnyNode[];
  start: AnyNode;
  /** The statement that awaits `promise` in place of the first await. */
  awaitStatement(promise: AnyNode): AnyNode;
  rest: AnyNode[];
  promiseName: string;
}

function splitAtFirstAwait(j: JSCodeshift, body: AnyNode[]): FirstAwait | undefined {
  const index = body.findIndex(hasAwait);
  const statement = body[index];
  if (!statement || !isStraightLine(body.slice(0, index))) return undefined;
  const base = { before: body.slice(0, index), rest: body.slice(index + 1) };
  if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AwaitExpression' && !hasAwait(statement.expression.argument)) {
    const start = statement.expression.argument;
    const callee = start.type === 'CallExpression' ? start.callee : undefined;
    const name = callee?.type === 'MemberExpression' ? callee.property.name : callee?.name;
    return { ...base, start, awaitStatement: (promise) => j.expressionStatement(j.awaitExpression(promise)), promiseName: name ?? 'started' };
  }
  const [declarator] = statement.type === 'VariableDeclaration' ? statement.declarations : [];
  if (statement.declarations?.length === 1 && declarator.init?.type === 'AwaitExpression' && !hasAwait(declarator.init.argument)) {
    const awaitStatement = (promise: AnyNode) => j.variableDeclaration(statement.kind, [j.variableDeclarator(declarator.id, j.awaitExpression(promise))]);
    const promiseName = declarator.id.type === 'Identifier' ? declarator.id.name : 'started';
    return { ...base, start: declarator.init.argument, awaitStatement, promiseName };
  }
  return undefined;
}

/**
 * Joins the last of awaitify's async IIFEs in a flow into the flow itself, where only
 * straight-line code follows it: the IIFE ran its body up to its first await, then that code
 * ran, then the IIFE went on. The same order, written flat, is: the body up to the first
 * await, start what it awaited, the code that followed, then await it and go on. This is what
 * makes a callback conversion and a timer conversion one flow. The flow's own promise is
 * dropped (an IIFE), so it may settle later.
 */
function flattenOnce(j: JSCodeshift, list: AnyNode[], own: WeakSet<AnyNode>, taken: Set<string>): boolean {
  let index = list.length - 1;
  while (index >= 0 && !ownIifeArrow(list[index], own)) index--;
  if (index < 0 || !isStraightLine(list.slice(index + 1))) return false;
  const statement = list[index];
  const body: AnyNode[] = ownIifeArrow(statement, own).body.body;
  const others = new Set<string>();
  for (const other of list) if (other !== statement) for (const name of collectIdentifierNames(other)) others.add(name);
  if ([...declaredNames(body), ...varNames(body)].some((name) => others.has(name))) return false;
  const after = list.slice(index + 1);
  let replacement: AnyNode[];
  if (after.length === 0) {
    replacement = body;
  } else {
    const split = splitAtFirstAwait(j, body);
    if (!split) return false;
    const promise = uniqueName(`${split.promiseName}Promise`, taken);
    replacement = [
      ...split.before,
      j.variableDeclaration('const', [j.variableDeclarator(j.identifier(promise), split.start)]),
      ...after,
      split.awaitStatement(j.identifier(promise)),
      ...split.rest,
    ];
  }
  if (replacement[0] && statement.comments) replacement[0].comments = [...statement.comments, ...(replacement[0].comments ?? [])];
  list.splice(index, list.length - index, ...replacement);
  return true;
}

export function flattenFlow(j: JSCodeshift, list: AnyNode[], own: WeakSet<AnyNode>, taken: Set<string>): void {
  while (flattenOnce(j, list, own, taken));
}

/** The body list of the flow a placement joined, when that flow is one of awaitify's IIFEs. */
export function joinedFlow(placement: Placement, own: WeakSet<AnyNode>): AnyNode[] | undefined {
  if (placement.kind === 'inline') {
    const fnPath = placement.statementPath.parent?.parent;
    const call = fnPath?.parent;
    if (call?.value.type !== 'CallExpression') return undefined;
    const statement = call.parent?.value.type === 'UnaryExpression' ? call.parent.parent?.value : call.parent?.value;
    return ownIifeArrow(statement, own) === fnPath?.value ? placement.list : undefined;
  }
  if (placement.kind !== 'iife') return undefined;
  return ownIifeArrow(placement.statementPath.value, own)?.body.body;
}
