import type { JSCodeshift } from 'jscodeshift';
import { isInlineFunction, some, type AnyNode } from '../shared/ast';

/**
 * The `async` package's control flow, as native code once its task functions are async:
 *
 *   series([t1, t2], cb)           →  (async () => [await t1(), await t2()])()
 *   parallel([t1, t2], cb)         →  Promise.all([t1(), t2()])
 *   waterfall([t1, t2], cb)        →  (async () => { const v = await t1(); return await t2(v); })()
 *   each / map(items, it, cb)      →  Promise.all(Array.from(items, (item) => it(item)))
 *   eachSeries / mapSeries         →  (async () => { const r = []; for (const item of items) r.push(await it(item)); return r; })()
 *   eachLimit / mapLimit(items, n) →  mapLimit(items, n, it)   (a small local helper)
 *   whilst / until((cb) => cb(null, c), it, cb)  →  (async () => { while (c) await it(); })()
 *
 * `cb` itself stays the final callback, which the normal conversion then awaits.
 */
export type AsyncMethodShape = 'tasks' | 'collection' | 'collection-limit' | 'loop';

export interface AsyncMethod {
  shape: AsyncMethodShape;
  /** What the final callback receives on success. */
  result: 'values' | 'value' | 'none';
}

export const asyncMethods: ReadonlyMap<string, AsyncMethod> = new Map<string, AsyncMethod>([
  ['series', { shape: 'tasks', result: 'values' }],
  ['parallel', { shape: 'tasks', result: 'values' }],
  ['waterfall', { shape: 'tasks', result: 'value' }],
  ['each', { shape: 'collection', result: 'none' }],
  ['forEach', { shape: 'collection', result: 'none' }],
  ['eachSeries', { shape: 'collection', result: 'none' }],
  ['forEachSeries', { shape: 'collection', result: 'none' }],
  ['eachLimit', { shape: 'collection-limit', result: 'none' }],
  ['forEachLimit', { shape: 'collection-limit', result: 'none' }],
  ['map', { shape: 'collection', result: 'values' }],
  ['mapSeries', { shape: 'collection', result: 'values' }],
  ['mapLimit', { shape: 'collection-limit', result: 'values' }],
  ['whilst', { shape: 'loop', result: 'none' }],
  ['until', { shape: 'loop', result: 'none' }],
]);

export function isAsyncLibrarySpecifier(specifier: string): boolean {
  return specifier === 'async' || specifier === 'async/dist/async' || specifier === 'async-es';
}

/**
 * The argument positions (and element positions, for task arrays) of the functions that must
 * become async first: `[['arguments', 0, 'elements', 1], …]`, or undefined when the call is not
 * of a shape this knows (a task list that is not an array literal, a named iteratee, …).
 */
/** `async.whilst(() => c, …)`: a loop test without a callback parameter (async v2 style). */
export function isAsyncV2Test(method: AsyncMethod, call: AnyNode): boolean {
  const test = call.arguments[0];
  return method.shape === 'loop' && isInlineFunction(test) && test.params.length === 0;
}

export function taskFunctionKeys(method: AsyncMethod, call: AnyNode): Array<Array<string | number>> | undefined {
  const args = call.arguments;
  const final = args[args.length - 1];
  if (!isInlineFunction(final)) return undefined;
  switch (method.shape) {
    case 'tasks': {
      if (args.length !== 2 || args[0].type !== 'ArrayExpression' || args[0].elements.length === 0) return undefined;
      if (!args[0].elements.every(isInlineFunction)) return undefined;
      // A waterfall hands one value on: the first task takes only the callback, the others one value more.
      if (call.callee.property?.name === 'waterfall' || call.callee.name === 'waterfall') {
        const [first, ...rest] = args[0].elements;
        if (first.params.length !== 1 || rest.some((task: AnyNode) => task.params.length !== 2)) return undefined;
      }
      return args[0].elements.map((_: AnyNode, i: number) => ['arguments', 0, 'elements', i]);
    }
    case 'collection':
      return args.length === 3 && isInlineFunction(args[1]) ? [['arguments', 1]] : undefined;
    case 'collection-limit':
      return args.length === 4 && isInlineFunction(args[2]) ? [['arguments', 2]] : undefined;
    case 'loop': {
      // async v3 calls the test with a callback; `(cb) => cb(null, condition)` answers at once,
      // so the loop's condition is that expression. A test without a parameter (async v2 style)
      // means something else in each version: refused.
      if (args.length !== 3 || !syncTestCondition(args[0]) || !isInlineFunction(args[1])) return undefined;
      return [['arguments', 1]];
    }
  }
}

function iife(j: JSCodeshift, statements: AnyNode[]): AnyNode {
  const fn = j.arrowFunctionExpression([], j.blockStatement(statements));
  fn.async = true;
  return j.callExpression(fn, []);
}

/**
 * `fn(…args)`; an inline `async () => { return await x; }` called with nothing is just `x`
 * (one promise instead of two, the same value or error).
 */
function call(j: JSCodeshift, fn: AnyNode, args: AnyNode[]): AnyNode {
  if (args.length === 0 && fn.params.length === 0 && fn.body.type === 'BlockStatement' && fn.body.body.length === 1) {
    const only = fn.body.body[0];
    if (only.type === 'ReturnStatement' && only.argument?.type === 'AwaitExpression') return only.argument.argument;
  }
  return j.callExpression(fn, args);
}

/** The iteratee for `Array.from` and the limit helper: as it is when it takes one item. */
function iterateeOf(j: JSCodeshift, fn: AnyNode, fresh: (base: string) => string): AnyNode {
  if (fn.params.length === 1) return fn;
  const item = j.identifier(fresh('item'));
  return j.arrowFunctionExpression([item], call(j, fn, [item]));
}

/** `(cb) => cb(null, condition)` or `(cb) => { cb(null, condition); }`: the condition. */
export function syncTestCondition(test: AnyNode): AnyNode | undefined {
  if (!isInlineFunction(test) || test.params.length !== 1 || test.params[0].type !== 'Identifier') return undefined;
  const name = test.params[0].name;
  let expression = test.body;
  if (expression.type === 'BlockStatement') {
    if (expression.body.length !== 1 || expression.body[0].type !== 'ExpressionStatement') return undefined;
    expression = expression.body[0].expression;
  }
  if (expression.type !== 'CallExpression' || expression.callee.type !== 'Identifier' || expression.callee.name !== name) return undefined;
  const [error, condition] = expression.arguments;
  if (expression.arguments.length !== 2 || (error.type !== 'NullLiteral' && !(error.type === 'Literal' && error.value === null))) return undefined;
  return condition;
}

/** An async function with no parameters, no return and no declarations can run in place. */
function inlinable(fn: AnyNode): boolean {
  return fn.params.length === 0 && fn.body.type === 'BlockStatement' && !hasOwnReturn(fn) &&
    !fn.body.body.some((statement: AnyNode) => statement.type === 'VariableDeclaration' || statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration');
}

function hasOwnReturn(fn: AnyNode): boolean {
  return some(fn.body, (node) => node.type === 'ReturnStatement', { skipFunctions: true });
}

/**
 * The native promise for a call whose task functions are now async (`call`'s arguments are the
 * converted functions), or undefined for a shape this does not express.
 */
export function nativeStart(
  j: JSCodeshift,
  name: string,
  method: AsyncMethod,
  callNode: AnyNode,
  limitHelper: () => string,
  // New names must not hide a name the tasks or the items read from outside.
  fresh: (base: string) => string,
): AnyNode | undefined {
  const args = callNode.arguments;
  // The loop variable's name is taken only when a loop needs one.
  let itemName: string | undefined;
  const item = () => j.identifier((itemName ??= fresh('item')));
  switch (name) {
    case 'series':
      return iife(j, [j.returnStatement(j.arrayExpression(args[0].elements.map((task: AnyNode) => j.awaitExpression(call(j, task, [])))))]);
    case 'parallel':
      return j.callExpression(j.memberExpression(j.identifier('Promise'), j.identifier('all')), [j.arrayExpression(args[0].elements.map((task: AnyNode) => call(j, task, [])))]);
    case 'waterfall': {
      const tasks: AnyNode[] = args[0].elements;
      if (tasks.slice(1).some((task) => task.params.length !== 1) || tasks[0].params.length !== 0) return undefined;
      const statements: AnyNode[] = [];
      let previous: AnyNode | undefined;
      tasks.forEach((task, i) => {
        const value = j.identifier(fresh(`value${i + 1}`));
        const awaited = j.awaitExpression(call(j, task, previous ? [previous] : []));
        if (i === tasks.length - 1) statements.push(j.returnStatement(awaited));
        else statements.push(j.variableDeclaration('const', [j.variableDeclarator(value, awaited)]));
        previous = value;
      });
      return iife(j, statements);
    }
    case 'each':
    case 'forEach':
    case 'map':
      return j.callExpression(j.memberExpression(j.identifier('Promise'), j.identifier('all')), [
        j.callExpression(j.memberExpression(j.identifier('Array'), j.identifier('from')), [args[0], iterateeOf(j, args[1], fresh)]),
      ]);
    case 'eachSeries':
    case 'forEachSeries':
      if (!hasOwnReturn(args[1]) && args[1].params.length === 1 && args[1].params[0].type === 'Identifier') {
        // The iteratee's body, in the loop itself.
        const param = args[1].params[0];
        return iife(j, [j.forOfStatement(j.variableDeclaration('const', [j.variableDeclarator(param, null)]), args[0], args[1].body)]);
      }
    // falls through
    case 'mapSeries': {
      const results = j.identifier(fresh('results'));
      const each = j.forOfStatement(j.variableDeclaration('const', [j.variableDeclarator(item(), null)]), args[0], j.blockStatement([
        j.expressionStatement(j.callExpression(j.memberExpression(results, j.identifier('push')), [j.awaitExpression(call(j, args[1], [item()]))])),
      ]));
      return iife(j, [j.variableDeclaration('const', [j.variableDeclarator(results, j.arrayExpression([]))]), each, j.returnStatement(results)]);
    }
    case 'eachLimit':
    case 'forEachLimit':
    case 'mapLimit':
      return j.callExpression(j.identifier(limitHelper()), [args[0], args[1], iterateeOf(j, args[2], fresh)]);
    case 'whilst':
    case 'until': {
      const [test, iteratee] = args;
      const asked = syncTestCondition(test)!;
      const condition = name === 'until' ? j.unaryExpression('!', asked) : asked;
      const body = inlinable(iteratee) ? iteratee.body : j.blockStatement([j.expressionStatement(j.awaitExpression(call(j, iteratee, [])))]);
      return iife(j, [j.whileStatement(condition, body)]);
    }
  }
  return method.shape === 'tasks' ? undefined : undefined;
}
