import type { JSCodeshift } from 'jscodeshift';
import { childNodes, collectIdentifierNames, isFunctionNode, patternNames, uniqueName, type AnyNode } from '../../shared/ast';

/**
 * A named callback that starts its own operation again (a retry, often after a timer):
 *
 *     fs.stat(p, function CB(er, st) {
 *       if (busy(er)) return setTimeout(function () { fs.stat(p, CB); }, ms);
 *       …
 *     });                                   // the function's last statement
 *
 * is the same program as a stepper that starts the operation anew with a fresh callback:
 *
 *     function next() { fs.stat(p, function (er, st) { … next(); … }); }
 *     next();
 *
 * which next-loops.ts turns into a loop (and timer-steps.ts the timer into an await). The
 * retry must repeat the first call exactly: the same callee and arguments, none of whose names
 * the callback declares (they must read what the first call read), and `CB` named nowhere
 * else. Returns whether it rewrote.
 */
export function unrollSelfRetry(j: JSCodeshift, fn: AnyNode, taken: Set<string>): boolean {
  const body: AnyNode[] = fn.body.body;
  const last = body[body.length - 1];
  const call = last?.type === 'ExpressionStatement' ? last.expression : undefined;
  const callback = call?.type === 'CallExpression' ? call.arguments[call.arguments.length - 1] : undefined;
  if (callback?.type !== 'FunctionExpression' || !callback.id || callback.async || callback.generator) return false;
  const self: string = callback.id.name;
  const retries = retryCalls(callback.body, self);
  if (!retries || retries.length === 0) return false;
  const declared = declaredInside(callback);
  const read = collectIdentifierNames({ type: 'ArrayExpression', elements: [call.callee, ...call.arguments.slice(0, -1)] });
  if ([...read].some((name) => declared.has(name))) return false;
  if (!retries.every((retry) => sameCall(retry, call)) || endingSteps(callback.body, new Set(retries)) !== retries.length) return false;

  const name = uniqueName('next', taken);
  for (const retry of retries) {
    for (const key of Object.keys(retry)) if (key !== 'loc' && key !== 'comments') delete retry[key];
    Object.assign(retry, j.callExpression(j.identifier(name), []));
  }
  callback.id = null;
  const stepper = j.functionDeclaration(j.identifier(name), [], j.blockStatement([j.expressionStatement(call)]));
  stepper.comments = last.comments;
  last.comments = undefined;
  body.splice(body.length - 1, 1, stepper, j.expressionStatement(j.callExpression(j.identifier(name), [])));
  return true;
}

/** The calls below root that pass `self` (each as their last argument, nowhere else), or undefined if it is used otherwise. */
function retryCalls(root: AnyNode, self: string): AnyNode[] | undefined {
  const calls: AnyNode[] = [];
  let other = false;
  const visit = (node: AnyNode, parent: AnyNode | null): void => {
    if (node.type === 'Identifier' && node.name === self) {
      const isRetry = parent?.type === 'CallExpression' && parent.arguments[parent.arguments.length - 1] === node;
      if (isRetry) calls.push(parent);
      else other = true;
    }
    for (const child of childNodes(node)) visit(child, node);
  };
  visit(root, null);
  return other ? undefined : calls;
}

/**
 * How many of the retries are statements that end their step: `return op(…, CB);`, or `op(…, CB);`
 * last in its list or followed by `return;` (code after it ran once the retry had started; a loop would skip it).
 */
function endingSteps(root: AnyNode, retries: Set<AnyNode>): number {
  let count = 0;
  const visit = (node: AnyNode): void => {
    for (const key of ['body', 'consequent']) {
      const list = node[key];
      if (!Array.isArray(list)) continue;
      list.forEach((statement: AnyNode, index: number) => {
        const next = list[index + 1];
        if (statement.type === 'ReturnStatement' && retries.has(statement.argument)) count++;
        if (statement.type === 'ExpressionStatement' && retries.has(statement.expression) && (!next || (next.type === 'ReturnStatement' && !next.argument))) count++;
      });
    }
    if (node.type === 'IfStatement') {
      for (const branch of [node.consequent, node.alternate]) {
        if (branch?.type === 'ReturnStatement' && retries.has(branch.argument)) count++;
        if (branch?.type === 'ExpressionStatement' && retries.has(branch.expression)) count++;
      }
    }
    for (const child of childNodes(node)) visit(child);
  };
  visit(root);
  return count;
}

/** Every name the function declares: its name, parameters, and declarations at any depth (nested functions' too). */
function declaredInside(fn: AnyNode): Set<string> {
  const names = new Set<string>();
  const visit = (node: AnyNode): void => {
    if (isFunctionNode(node)) {
      if (node.id) names.add(node.id.name);
      for (const param of node.params) for (const name of patternNames(param)) names.add(name);
    }
    if (node.type === 'VariableDeclarator') for (const name of patternNames(node.id)) names.add(name);
    if (node.type === 'CatchClause' && node.param) for (const name of patternNames(node.param)) names.add(name);
    if (node.type === 'ClassDeclaration' && node.id) names.add(node.id.name);
    for (const child of childNodes(node)) visit(child);
  };
  visit(fn);
  return names;
}

/** Does `retry` call the same callee with the same arguments as `first` (all but the callback)? */
function sameCall(retry: AnyNode, first: AnyNode): boolean {
  if (retry.arguments.length !== first.arguments.length || !sameNode(retry.callee, first.callee)) return false;
  return first.arguments.slice(0, -1).every((argument: AnyNode, index: number) => sameNode(argument, retry.arguments[index]));
}

const ignoredKeys = new Set(['loc', 'start', 'end', 'comments', 'tokens', 'extra', 'original', 'range', 'typeAnnotation']);

/** Structural equality of two expressions, locations and comments aside. */
function sameNode(a: AnyNode, b: AnyNode): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => sameNode(item, b[index]));
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (a.type !== b.type) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((key) => !ignoredKeys.has(key)));
  return [...keys].every((key) => sameNode(a[key], b[key]));
}
