import { childNodes, isFunctionNode, isIdentifierNamed, isNullish, patternNames, type AnyNode } from '../../shared/ast';

/**
 * `try { cb(null, JSON.parse(s)) } catch (e) { cb(e) }`: an error computing the value goes to
 * `cb(e)`, but so does a throw of the caller's callback, which then is called a second time.
 * As an async function the first stays (the value's throw rejects, as `cb(e)` did) and the
 * second cannot happen: the caller's code runs after the promise settles. The `try` becomes
 * the call alone; the finding says that the double call is gone.
 */
function onlyStatement(block: AnyNode): AnyNode | undefined {
  return block?.type === 'BlockStatement' && block.body.length === 1 ? block.body[0] : undefined;
}

function callIn(statement: AnyNode): AnyNode | undefined {
  if (statement?.type === 'ExpressionStatement') return statement.expression;
  if (statement?.type === 'ReturnStatement') return statement.argument;
  return undefined;
}

function isTryAroundCall(statement: AnyNode, cb: string): boolean {
  if (statement?.type !== 'TryStatement' || statement.finalizer || !statement.handler?.param || statement.handler.param.type !== 'Identifier') return false;
  const success = callIn(onlyStatement(statement.block));
  const failure = callIn(onlyStatement(statement.handler.body));
  return success?.type === 'CallExpression' && isIdentifierNamed(success.callee, cb) && isNullish(success.arguments[0]) && success.arguments.length >= 1
    && failure?.type === 'CallExpression' && isIdentifierNamed(failure.callee, cb) && failure.arguments.length === 1 && isIdentifierNamed(failure.arguments[0], statement.handler.param.name);
}

/** Replaces each such `try` in `fn` (a trial copy) by its success call; returns the `try` statements replaced. */
export function takeTryAroundCalls(fn: AnyNode, cb: string): AnyNode[] {
  const replaced: AnyNode[] = [];
  const visit = (node: AnyNode) => {
    if (node !== fn && isFunctionNode(node) && node.params.some((param: AnyNode) => patternNames(param).includes(cb))) return;
    const list = Array.isArray(node.body) ? node.body : node.type === 'SwitchCase' ? node.consequent : undefined;
    list?.forEach((item: AnyNode, index: number) => {
      if (!isTryAroundCall(item, cb)) return;
      replaced.push(item);
      const call = item.block.body[0];
      if (item.comments?.length) call.comments = [...item.comments, ...(call.comments ?? [])];
      list[index] = call;
    });
    for (const child of childNodes(node)) visit(child);
  };
  visit(fn.body);
  return replaced;
}
