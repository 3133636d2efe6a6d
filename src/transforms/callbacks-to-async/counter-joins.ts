import type { JSCodeshift } from 'jscodeshift';
import { inlineCallbackOf, isCallOf, isFunctionNode, isIdentifierNamed, referencesName, uniqueName, walk, type AnyNode } from '../shared/ast';
import { isStraightLine } from '../shared/control-flow';
import { headReads, joinLoopOf, pushItems, startsAtCount } from './join-loops';

/**
 * Operations started side by side in a loop and joined by a counter, inside a callback
 * function:
 *
 *     let pending = files.length;
 *     files.forEach((file, i) => {                 // or: for (const file of files) { … }
 *       fs.readFile(file, (err, data) => {
 *         if (err) return cb(err);
 *         results[i] = data;
 *         if (--pending === 0) cb(null, results);   // the join
 *       });
 *     });
 *
 * become one promise per item, joined by Promise.all, started where the loop was:
 *
 *     const joined = Promise.all(files.map(async (file, i) => { …each item's body… }));
 *     …the code that followed the loop…
 *     await joined;
 *     cb(null, results);                            // later a return, like every cb call
 *
 * Each item's body still runs when its own operation completes, in completion order; the
 * counter is gone. Works on a trial copy, before the protocol proof, which then reads
 * `joined`'s start as callback-free and its await as the join.
 */
export interface CounterJoin {
  /** The statements that start the items: `const joined = Promise.all(…)`, or the loop pushing onto a list and that statement. */
  starts: AnyNode[];
  /** The `await joined;` statement. */
  wait: AnyNode;
  /** The per-item async functions, whose `throw`s reach the function through Promise.all. */
  itemFunctions: AnyNode[];
  /** The counter's guard for an empty list (`if (pending === 0) return cb(…)`), if any. */
  guard?: AnyNode;
  /**
   * More than one member can call back with an error and no flag stops the second call: the
   * original calls back once per error, and Promise.all would lose every call after the first
   * (a result that changes, so the caller refuses the function whatever the policy).
   */
  callsBackPerError: boolean;
  /** Over a list (a loop), which can be empty; not N calls written out. */
  overList: boolean;
  /** Over a `for…in`, counted by Object.keys: inherited enumerable keys start items the counter did not count. */
  forIn?: boolean;
}

/** `cb(…)`, `return cb(…)`, or `{ cb(…) }` as the whole consequent. */
function callbackCallOf(statement: AnyNode, cb: string): AnyNode | undefined {
  if (!statement) return undefined;
  if (statement.type === 'BlockStatement') return statement.body.length === 1 ? callbackCallOf(statement.body[0], cb) : undefined;
  const expression = statement.type === 'ExpressionStatement' ? statement.expression : statement.type === 'ReturnStatement' ? statement.argument : undefined;
  return isCallOf(expression, cb) ? expression : undefined;
}

function isZero(node: AnyNode): boolean {
  return (node.type === 'NumericLiteral' || node.type === 'Literal') && node.value === 0;
}

/** `counter === 0`, `counter == 0`, `!counter`. */
function isZeroTest(test: AnyNode, counter: string): boolean {
  if (test.type === 'UnaryExpression' && test.operator === '!') return isIdentifierNamed(test.argument, counter);
  return test.type === 'BinaryExpression' && (test.operator === '===' || test.operator === '==') && isIdentifierNamed(test.left, counter) && isZero(test.right);
}

/** `--counter === 0`, `!--counter`. */
function isDecrementZeroTest(test: AnyNode, counter: string): boolean {
  const isDecrement = (node: AnyNode) => node.type === 'UpdateExpression' && node.operator === '--' && node.prefix && isIdentifierNamed(node.argument, counter);
  if (test.type === 'UnaryExpression' && test.operator === '!') return isDecrement(test.argument);
  return test.type === 'BinaryExpression' && (test.operator === '===' || test.operator === '==') && isDecrement(test.left) && isZero(test.right);
}

/** `counter--;`, `--counter;`, `counter -= 1;`. */
function isDecrementStatement(statement: AnyNode, counter: string): boolean {
  if (statement?.type !== 'ExpressionStatement') return false;
  const expression = statement.expression;
  if (expression.type === 'UpdateExpression') return expression.operator === '--' && isIdentifierNamed(expression.argument, counter);
  return expression.type === 'AssignmentExpression' && expression.operator === '-=' && isIdentifierNamed(expression.left, counter) &&
    (expression.right.type === 'NumericLiteral' || expression.right.type === 'Literal') && expression.right.value === 1;
}

/** The join at the end of an operation's callback: how many statements it takes, and the cb call. */
function joinAtEnd(body: AnyNode[], counter: string, cb: string): { length: number; call: AnyNode } | undefined {
  const last = body[body.length - 1];
  if (!last || last.type !== 'IfStatement' || last.alternate) return undefined;
  const call = callbackCallOf(last.consequent, cb);
  if (!call || (call.arguments.length > 0 && call.arguments[0].type !== 'NullLiteral')) return undefined;
  if (isDecrementZeroTest(last.test, counter)) return { length: 1, call };
  if (isZeroTest(last.test, counter) && isDecrementStatement(body[body.length - 2], counter)) return { length: 2, call };
  return undefined;
}

/** Is every `cb(…)` below root an error exit: `return cb(err)` or `cb(err); return;`? */
function onlyErrorExits(root: AnyNode, cb: string): boolean {
  let ok = true;
  walk(root, (node, parent) => {
    if (!ok || !isCallOf(node, cb)) return ok;
    const first = node.arguments[0];
    if (node.arguments.length !== 1 || !first || first.type === 'NullLiteral' || isIdentifierNamed(first, 'undefined')) ok = false;
    else if (parent?.type !== 'ReturnStatement' && parent?.type !== 'ExpressionStatement') ok = false;
    return ok;
  });
  return ok;
}

/** `flag = true;` */
function isSetTrue(statement: AnyNode, flag: string): boolean {
  const expression = statement?.type === 'ExpressionStatement' ? statement.expression : undefined;
  return expression?.type === 'AssignmentExpression' && expression.operator === '=' && isIdentifierNamed(expression.left, flag) &&
    (expression.right.type === 'BooleanLiteral' || expression.right.type === 'Literal') && expression.right.value === true;
}

/** `cb(flag = er)`: the flag set by the call's own argument, before the call. */
function setsFlagInline(call: AnyNode, flag: string): boolean {
  const first = call.arguments[0];
  return call.arguments.length === 1 && first?.type === 'AssignmentExpression' && first.operator === '=' && isIdentifierNamed(first.left, flag);
}

/** Statements of a block or a single statement. */
function statementsOf(statement: AnyNode): AnyNode[] {
  return statement?.type === 'BlockStatement' ? statement.body : statement ? [statement] : [];
}

/** Does every `cb(…)` in these statements come after `flag = true;` in its own block (and sit nowhere else)? */
function errorExitsSetFlag(statements: AnyNode[], cb: string, flag: string): boolean {
  return statements.every((statement, index) => {
    if (!referencesName(statement, cb)) return true;
    const call = callbackCallOf(statement, cb);
    if (call) return statements.slice(0, index).some((earlier) => isSetTrue(earlier, flag)) || setsFlagInline(call, flag);
    if (statement.type === 'IfStatement' && !referencesName(statement.test, cb)) {
      return errorExitsSetFlag(statementsOf(statement.consequent), cb, flag) && errorExitsSetFlag(statementsOf(statement.alternate), cb, flag);
    }
    return false;
  });
}

/**
 * The flag that guards the operation's callback so the join calls back at most once: the
 * callback starts with `if (flag) return;` and every `cb(err)` sets `flag = true` first. Then Promise.all, which
 * rejects once with the first error, is exact.
 */
function onceFlag(operationBody: AnyNode[], cb: string): string | undefined {
  const [first, ...rest] = operationBody;
  if (first?.type !== 'IfStatement' || first.alternate || first.test.type !== 'Identifier') return undefined;
  const exit = statementsOf(first.consequent);
  if (exit.length !== 1 || exit[0].type !== 'ReturnStatement' || exit[0].argument) return undefined;
  return errorExitsSetFlag(rest, cb, first.test.name) ? first.test.name : undefined;
}

/** How many `cb(…)` calls (error exits) the statements hold. */
function errorExitCount(statements: AnyNode[], cb: string): number {
  let count = 0;
  for (const statement of statements) {
    walk(statement, (node) => {
      if (isCallOf(node, cb)) count++;
      return true;
    });
  }
  return count;
}

/** Finds and rewrites the counter joins at the top level of `fn` (a trial copy). */
export function rewriteCounterJoins(j: JSCodeshift, fn: AnyNode, cb: string, taken: Set<string>): CounterJoin[] {
  const body: AnyNode[] = fn.body?.type === 'BlockStatement' ? fn.body.body : [];
  const sideBySide = rewriteSideBySideJoin(j, body, cb, taken);
  if (sideBySide) return [sideBySide];
  const joins: CounterJoin[] = [];
  for (let index = 0; index < body.length; index++) {
    const parts = joinLoopOf(body[index]);
    if (!parts || parts.body.filter((statement) => referencesName(statement, cb)).length !== 1) continue;
    const operation = parts.body.find((statement) => referencesName(statement, cb));
    const callback = operation?.type === 'ExpressionStatement' ? inlineCallbackOf(operation.expression) : undefined;
    if (!callback || callback.body.type !== 'BlockStatement' || callback.generator) continue;
    const counter = findCounter(body, index, callback.body.body, cb);
    if (!counter) continue;
    const { name, join, declarationIndex } = counter;
    // A loop that stays a loop: the counter must start at the number of passes, or the original
    // called back before (or never after) all of them completed.
    if (parts.count && (!startsAtCount(j, body[declarationIndex].declarations[0].init, parts.count) || headReads(parts, name) || headReads(parts, cb))) continue;
    const operationBody: AnyNode[] = callback.body.body;
    const rest = operationBody.slice(0, -join.length);
    if (!onlyErrorExits(j.blockStatement(rest), cb) || parts.body.some((statement) => statement !== operation && referencesName(statement, cb))) continue;
    const after = body.slice(index + 1);
    if (!isStraightLine(after) || after.some((statement) => referencesName(statement, cb) || referencesName(statement, name))) continue;
    const guard = body.slice(0, index).find((statement) => referencesName(statement, name) && statement !== body[declarationIndex]);
    if (guard && !(guard.type === 'IfStatement' && isZeroTest(guard.test, name) && callbackCallOf(guard.consequent, cb) && !guard.alternate)) continue;
    // Anything else that reads the counter would see it stop changing.
    if (body.some((statement, i) => i !== declarationIndex && i !== index && statement !== guard && referencesName(statement, name))) continue;
    // A list of several items, each of which can fail: one call back per error unless guarded.
    const callsBackPerError = errorExitCount(rest, cb) > 0 && !onceFlag(rest, cb);

    operationBody.splice(operationBody.length - join.length, join.length);
    const joined = uniqueName('joined', taken);
    const promiseAll = (list: AnyNode) => j.variableDeclaration('const', [j.variableDeclarator(j.identifier(joined), j.callExpression(j.memberExpression(j.identifier('Promise'), j.identifier('all')), [list]))]);
    let starts: AnyNode[];
    let itemFunction: AnyNode;
    if (parts.form === 'push') {
      const started = uniqueName('started', taken);
      const pushed = pushItems(j, parts, started);
      itemFunction = pushed.itemFunction;
      starts = [...pushed.statements, promiseAll(j.identifier(started))];
      starts[0].comments = body[index].comments;
      body[index].comments = undefined;
    } else {
      itemFunction = j.arrowFunctionExpression(parts.params, j.blockStatement(parts.body));
      itemFunction.async = true;
      const mapped = parts.form === 'from'
        ? j.callExpression(j.memberExpression(j.identifier('Array'), j.identifier('from')), [parts.items, itemFunction])
        : j.callExpression(j.memberExpression(parts.items, j.identifier('map')), [itemFunction]);
      starts = [promiseAll(mapped)];
      starts[0].comments = body[index].comments;
    }
    const wait = j.expressionStatement(j.awaitExpression(j.identifier(joined)));
    body.splice(index, 1, ...starts);
    body.push(wait, j.expressionStatement(join.call));
    if (!guard && referencesName(j.blockStatement(body.filter((statement) => statement !== body[declarationIndex])), name) === false) {
      body.splice(declarationIndex, 1);
    }
    joins.push({ starts, wait, itemFunctions: [itemFunction], guard, callsBackPerError, overList: true, forIn: parts.statement.type === 'ForInStatement' });
    break;
  }
  return joins;
}

/**
 * N operations written one after another, each ending with the same join on a counter that
 * starts at N: `Promise.all([(async () => { …first… })(), (async () => { …second… })()])`.
 */
function rewriteSideBySideJoin(j: JSCodeshift, body: AnyNode[], cb: string, taken: Set<string>): CounterJoin | undefined {
  for (let d = 0; d < body.length; d++) {
    const declaration = body[d];
    if (declaration.type !== 'VariableDeclaration' || declaration.kind === 'const' || declaration.declarations.length !== 1) continue;
    const { id, init } = declaration.declarations[0];
    if (id.type !== 'Identifier' || !init || (init.type !== 'NumericLiteral' && init.type !== 'Literal') || typeof init.value !== 'number') continue;
    const operations = body
      .map((statement, index) => ({ statement, index, callback: statement.type === 'ExpressionStatement' ? inlineCallbackOf(statement.expression) : undefined }))
      .filter(({ index, callback }) => index > d && callback?.body.type === 'BlockStatement' && joinAtEnd(callback.body.body, id.name, cb));
    if (operations.length < 2 || operations.length !== init.value) continue;
    const first = operations[0].index;
    const last = operations[operations.length - 1].index;
    const between = body.slice(first, last + 1).filter((statement) => !operations.some((operation) => operation.statement === statement));
    const after = body.slice(last + 1);
    // Code between the starts could change what a later one starts with: only adjacent calls.
    if (between.length > 0) continue;
    if (!isStraightLine(after) || after.some((statement) => referencesName(statement, cb) || referencesName(statement, id.name))) continue;
    if (body.some((statement, i) => i !== d && !operations.some((operation) => operation.index === i) && referencesName(statement, id.name))) continue;
    const membersBefore = operations.map(({ callback }) => {
      const operationBody: AnyNode[] = callback.body.body;
      return operationBody.slice(0, -joinAtEnd(operationBody, id.name, cb)!.length);
    });
    if (membersBefore.some((rest) => !onlyErrorExits(j.blockStatement(rest), cb))) return undefined;
    // Two members that can each call back with an error call back twice, unless each is guarded.
    const failing = membersBefore.filter((rest) => errorExitCount(rest, cb) > 0);
    const flags = new Set(failing.map((rest) => onceFlag(rest, cb)));
    const callsBackPerError = failing.length > 1 && (flags.size !== 1 || flags.has(undefined));
    let call: AnyNode;
    const items = operations.map(({ statement, callback }) => {
      const operationBody: AnyNode[] = callback.body.body;
      const join = joinAtEnd(operationBody, id.name, cb)!;
      call = join.call;
      operationBody.splice(operationBody.length - join.length, join.length);
      const item = j.arrowFunctionExpression([], j.blockStatement([statement]));
      item.async = true;
      return item;
    });
    // The operations still start in order, where they were.
    const joined = uniqueName('joined', taken);
    const start = j.variableDeclaration('const', [j.variableDeclarator(j.identifier(joined), j.callExpression(
      j.memberExpression(j.identifier('Promise'), j.identifier('all')),
      [j.arrayExpression(items.map((item) => j.callExpression(item, [])))],
    ))]);
    const wait = j.expressionStatement(j.awaitExpression(j.identifier(joined)));
    const dropped = (i: number) => i === d || operations.some((operation) => operation.index === i);
    const kept = body.filter((_, i) => !dropped(i));
    const insertAt = body.slice(0, first).filter((_, i) => !dropped(i)).length;
    kept.splice(insertAt, 0, start);
    kept.push(wait, j.expressionStatement(call!));
    body.splice(0, body.length, ...kept);
    return { starts: [start], wait, itemFunctions: items, callsBackPerError, overList: false };
  }
  return undefined;
}

function findCounter(body: AnyNode[], loopIndex: number, operationBody: AnyNode[], cb: string) {
  for (let i = 0; i < loopIndex; i++) {
    const statement = body[i];
    if (statement.type !== 'VariableDeclaration' || statement.kind === 'const' || statement.declarations.length !== 1) continue;
    const id = statement.declarations[0].id;
    if (id.type !== 'Identifier') continue;
    const join = joinAtEnd(operationBody, id.name, cb);
    if (join) return { name: id.name, join, declarationIndex: i };
  }
  return undefined;
}

/** Is this function one of the joins' per-item functions? */
export function isJoinItem(joins: CounterJoin[], node: AnyNode): boolean {
  return isFunctionNode(node) && joins.some((join) => join.itemFunctions.includes(node));
}
