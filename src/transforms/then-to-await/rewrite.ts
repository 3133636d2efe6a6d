import { alwaysExits } from '../shared/control-flow';
import { uniqueName, walk, type AnyNode } from '../shared/ast';
import type { Handler, ReadLink } from './handlers';
import type { ChainPlan } from './plan';

/**
 * Writes a chain as statements, from its last link inward. Each link hands the value it makes
 * to a `Deliver`, which turns it into statements: a return, a declaration, an assignment to a
 * variable that outlives a `try`, or the inlined body of the next handler. The `try` of a
 * `.catch` holds only the links before it, so a handler never catches what a later link throws,
 * and a `.then(onValue, onError)` runs onValue after the `try` (TypeScript issue 27621).
 */

export interface RewriteContext {
  j: AnyNode;
  takenNames: Set<string>;
}

/** Statements that hand on `value`; `thenable` says it may be a promise still to be awaited. */
type Deliver = ((value: AnyNode, thenable: boolean) => AnyNode[]) & {
  /** A return of the enclosing function: handlers' own returns may map onto it. */
  terminal?: { inTry: boolean };
  /** A variable the deliver assigns, which can carry the value out of a try itself. */
  variable?: { name: string; declare?: string };
  /**
   * The value is dropped (`await chain;`, a handler without parameters): nothing needs to leave
   * a try; these statements run once it is there.
   */
  afterDiscard?: () => AnyNode[];
};

const notThenable = new Set(['StringLiteral', 'NumericLiteral', 'BooleanLiteral', 'NullLiteral', 'BigIntLiteral', 'RegExpLiteral', 'TemplateLiteral', 'ArrayExpression', 'UnaryExpression', 'BinaryExpression', 'UpdateExpression', 'AwaitExpression', 'ArrowFunctionExpression', 'FunctionExpression', 'ClassExpression']);
const plainConstructors = new Set(['Date', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Error', 'TypeError', 'RangeError', 'Array', 'Object', 'RegExp', 'URL', 'URLSearchParams']);

/** Calls of the language's own that give plain values. */
const valueCalls = new Set(['JSON.parse', 'JSON.stringify', 'Object.keys', 'Object.values', 'Object.entries', 'Object.assign', 'Array.isArray', 'Array.from', 'Array.of', 'Date.now', 'Number.parseInt', 'Number.parseFloat', 'String', 'Number', 'Boolean', 'parseInt', 'parseFloat']);

function calleeName(callee: AnyNode): string | undefined {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && !callee.computed && callee.object.type === 'Identifier') {
    return callee.object.name === 'Math' || callee.object.name === 'console' ? callee.object.name : `${callee.object.name}.${callee.property.name}`;
  }
  return undefined;
}

/** Could this expression's value be a thenable (so that a promise would adopt it)? */
export function mayBeThenable(node: AnyNode): boolean {
  if (notThenable.has(node.type)) return false;
  if (node.type === 'CallExpression') {
    const name = calleeName(node.callee);
    return !(name === 'Math' || name === 'console' || (name !== undefined && valueCalls.has(name)));
  }
  // `.length` of anything is a count.
  if (node.type === 'MemberExpression' && !node.computed && node.property.name === 'length') return false;
  if (node.type === 'Literal') return false;
  if (node.type === 'Identifier') return node.name !== 'undefined';
  if (node.type === 'ObjectExpression') return node.properties.some((property: AnyNode) => property.type === 'SpreadElement' || property.computed || (property.key?.name ?? property.key?.value) === 'then');
  if (node.type === 'LogicalExpression') return mayBeThenable(node.left) || mayBeThenable(node.right);
  if (node.type === 'ConditionalExpression') return mayBeThenable(node.consequent) || mayBeThenable(node.alternate);
  if (node.type === 'NewExpression') return !(node.callee.type === 'Identifier' && plainConstructors.has(node.callee.name));
  return true;
}

function isPure(node: AnyNode): boolean {
  return node.type === 'Identifier' || node.type === 'Literal' || /Literal$/.test(node.type);
}

function awaited(j: AnyNode, value: AnyNode, thenable: boolean): AnyNode {
  return thenable ? j.awaitExpression(value) : value;
}

function returnDeliver(j: AnyNode, inTry: boolean): Deliver {
  const deliver: Deliver = (value, thenable) => [j.returnStatement(inTry && thenable ? j.awaitExpression(value) : value)];
  deliver.terminal = { inTry };
  return deliver;
}

function discardDeliver(j: AnyNode): Deliver {
  const deliver: Deliver = (value, thenable) => (thenable ? [j.expressionStatement(j.awaitExpression(value))] : isPure(value) ? [] : [j.expressionStatement(value)]);
  deliver.afterDiscard = () => [];
  return deliver;
}

function declareDeliver(j: AnyNode, kind: string, id: AnyNode): Deliver {
  const deliver: Deliver = (value, thenable) => [j.variableDeclaration(kind, [j.variableDeclarator(id, awaited(j, value, thenable))])];
  if (id.type === 'Identifier' && kind !== 'var') deliver.variable = { name: id.name, declare: 'let' };
  return deliver;
}

function assignDeliver(j: AnyNode, target: AnyNode): Deliver {
  const deliver: Deliver = (value, thenable) => [j.expressionStatement(j.assignmentExpression('=', target, awaited(j, value, thenable)))];
  if (target.type === 'Identifier') deliver.variable = { name: target.name };
  return deliver;
}

/** The value of a handler that falls off its end. */
const fellOff = Symbol('fell off');

function deliverFallOff(j: AnyNode, deliver: Deliver): AnyNode[] {
  if (deliver.terminal) return [j.returnStatement(null)];
  const value = j.identifier('undefined');
  (value as AnyNode)[fellOff] = true;
  return deliver(value, false);
}

/** The handler's body as statements, its returns handed to `deliver`. */
function inlineBody(ctx: RewriteContext, fn: AnyNode, deliver: Deliver): AnyNode[] {
  const { j } = ctx;
  if (fn.body.type !== 'BlockStatement') return deliver(fn.body, mayBeThenable(fn.body));
  const statements: AnyNode[] = [...fn.body.body];
  const last = statements[statements.length - 1];
  if (deliver.terminal) {
    // Every return of the handler is now the function's: in a try, a promise is awaited first.
    walk(fn.body, (node) => {
      if (node.type === 'ReturnStatement' && node.argument && deliver.terminal!.inTry && mayBeThenable(node.argument)) node.argument = j.awaitExpression(node.argument);
    }, { skipFunctions: true });
    return alwaysExits(statements) ? statements : [...statements, ...deliverFallOff(j, deliver)];
  }
  // Only a final return (the planner refused others).
  if (last?.type === 'ReturnStatement') {
    statements.pop();
    const value = last.argument ?? j.identifier('undefined');
    const delivered = deliver(value, last.argument ? mayBeThenable(value) : false);
    if (delivered[0] && last.comments) delivered[0].comments = last.comments;
    return [...statements, ...delivered];
  }
  return [...statements, ...deliverFallOff(j, deliver)];
}

/** Statements that take the value and run the handler on it (value handler of a `.then`). */
function bindValue(ctx: RewriteContext, handler: Handler, deliver: Deliver): Deliver {
  const { j } = ctx;
  const bind: Deliver = (value, thenable) => {
    if (handler.kind === 'named') return deliver(j.callExpression(handler.name, [awaited(j, value, thenable)]), true);
    const bound = handler.param
      ? [j.variableDeclaration('const', [j.variableDeclarator(handler.param, awaited(j, value, thenable))])]
      : discardDeliver(j)(value, thenable);
    return [...bound, ...inlineBody(ctx, handler.fn, deliver)];
  };
  if (handler.kind === 'inline' && !handler.param) bind.afterDiscard = () => inlineBody(ctx, handler.fn, deliver);
  return bind;
}

/** A `catch (param) { … }` clause running the error handler. */
function catchClause(ctx: RewriteContext, handler: Handler, deliver: Deliver): AnyNode {
  const { j } = ctx;
  if (handler.kind === 'named') {
    const name = j.identifier(uniqueName('error', ctx.takenNames));
    return j.catchClause(name, null, j.blockStatement(deliver(j.callExpression(handler.name, [name]), true)));
  }
  return j.catchClause(handler.param ?? null, null, j.blockStatement(inlineBody(ctx, handler.fn, deliver)));
}

/** The statements of a `.finally` handler, whose result is awaited and otherwise dropped. */
function finallyBlock(ctx: RewriteContext, handler: Handler): AnyNode {
  const { j } = ctx;
  if (handler.kind === 'named') return j.blockStatement([j.expressionStatement(j.awaitExpression(j.callExpression(handler.name, [])))]);
  return j.blockStatement(inlineBody(ctx, handler.fn, discardDeliver(j)));
}

/**
 * A variable that carries a value out of a `try`: the sink's own variable when it has one
 * (`x = await chain`, `const x = await chain`, which becomes `let x`), else a new `let`.
 * `after` is what the sink still does with it.
 */
function carrier(ctx: RewriteContext, base: string, sink: Deliver): { declarations: AnyNode[]; deliver: Deliver; after: AnyNode[] } {
  const { j } = ctx;
  if (sink.afterDiscard) return { declarations: [], deliver: discardDeliver(j), after: sink.afterDiscard() };
  if (sink.variable) {
    const own = assignDeliver(j, j.identifier(sink.variable.name));
    const deliver: Deliver = (value, thenable) => ((value as AnyNode)[fellOff] ? [] : own(value, thenable));
    const declarations = sink.variable.declare ? [j.variableDeclaration(sink.variable.declare, [j.variableDeclarator(j.identifier(sink.variable.name))])] : [];
    return { declarations, deliver, after: [] };
  }
  const made = newCarrier(ctx, base);
  return { declarations: [made.declaration], deliver: made.deliver, after: sink(made.name, false) };
}

function newCarrier(ctx: RewriteContext, base: string): { declaration: AnyNode; name: AnyNode; deliver: Deliver } {
  const { j } = ctx;
  const name = uniqueName(base, ctx.takenNames);
  ctx.takenNames.add(name);
  const assign = assignDeliver(j, j.identifier(name));
  const deliver: Deliver = (value, thenable) => ((value as AnyNode)[fellOff] ? [] : assign(value, thenable));
  return { declaration: j.variableDeclaration('let', [j.variableDeclarator(j.identifier(name))]), name: j.identifier(name), deliver };
}

/** Statements for links[0..count) whose value goes to `deliver`. */
function emitLinks(ctx: RewriteContext, base: AnyNode, links: ReadLink[], count: number, deliver: Deliver): AnyNode[] {
  const { j } = ctx;
  if (count === 0) return deliver(base, true);
  const link = links[count - 1]!;
  const inner = (next: Deliver) => emitLinks(ctx, base, links, count - 1, next);
  const inTry = deliver.terminal ? returnDeliver(j, true) : undefined;

  if (link.onFinally) {
    if (inTry) return [j.tryStatement(j.blockStatement(inner(inTry)), null, finallyBlock(ctx, link.onFinally))];
    const carry = carrier(ctx, 'result', deliver);
    return [...carry.declarations, j.tryStatement(j.blockStatement(inner(carry.deliver)), null, finallyBlock(ctx, link.onFinally)), ...carry.after];
  }
  if (link.onValue && !link.onError) return inner(bindValue(ctx, link.onValue, deliver));
  if (!link.onValue && link.onError) {
    if (inTry) return [j.tryStatement(j.blockStatement(inner(inTry)), catchClause(ctx, link.onError, deliver))];
    const carry = carrier(ctx, 'result', deliver);
    return [...carry.declarations, j.tryStatement(j.blockStatement(inner(carry.deliver)), catchClause(ctx, link.onError, carry.deliver)), ...carry.after];
  }
  // then(onValue, onError), the last link of a returned chain: the try holds the links before it only.
  const onValue = link.onValue!;
  const paramName = onValue.kind === 'inline' && onValue.param?.type === 'Identifier' ? onValue.param.name : undefined;
  const carry = paramName
    ? { declaration: j.variableDeclaration('let', [j.variableDeclarator(j.identifier(paramName))]), name: j.identifier(paramName), deliver: assignDeliver(j, j.identifier(paramName)) }
    : newCarrier(ctx, 'value');
  const tryStatement = j.tryStatement(j.blockStatement(inner(carry.deliver)), catchClause(ctx, link.onError!, deliver));
  const after = onValue.kind === 'inline' && paramName ? inlineBody(ctx, onValue.fn, deliver) : bindValue(ctx, onValue, deliver)(carry.name, false);
  return [carry.declaration, tryStatement, ...after];
}

/** The statements that replace the chain's statement, per its sink. */
export function emitChain(ctx: RewriteContext, plan: ChainPlan): AnyNode[] {
  const { j } = ctx;
  const { sink, links, chain } = plan;
  const deliver =
    sink.kind === 'return' ? returnDeliver(j, false)
    : sink.kind === 'discard' ? discardDeliver(j)
    : sink.kind === 'declare' ? declareDeliver(j, sink.declKind, sink.id)
    : assignDeliver(j, sink.target);
  return emitLinks(ctx, chain.base, links, links.length, deliver);
}

/** Awaits on the success path of the statements (catch clauses and nested functions left out). */
export function countAwaits(statements: AnyNode[]): number {
  let count = 0;
  for (const statement of statements) {
    walk(statement, (node) => {
      if (node.type === 'CatchClause') return false;
      if (node.type === 'AwaitExpression') count++;
      return undefined;
    }, { skipFunctions: true });
  }
  return count;
}
