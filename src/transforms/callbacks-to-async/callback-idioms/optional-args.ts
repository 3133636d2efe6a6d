import type { JSCodeshift } from 'jscodeshift';
import { isIdentifierNamed, isNullish, referencesName, type AnyNode } from '../../shared/ast';
import { cloneNode } from '../../shared/clone';
import { assignedValue, expressionsOf, isAbsenceTest, isFunctionTest, isPureLiteral, sameLiteral } from './shapes';

/**
 * The optional-argument shift: `if (typeof opts === 'function') { cb = opts; opts = {} }`.
 * A call that passed the callback in `opts`'s place is, as a promise call, one that leaves
 * `opts` out: the async function gets `opts = {}` as a default instead. Callers that still
 * pass a callback go through the dual wrapper, which replays the shift before the body.
 */
export interface ArgumentShift {
  /** The shifting statements as written, without branches that do not shift: the dual wrapper runs them first. */
  replay: AnyNode[];
  param: string;
  /** What the shift gave `param`: its default in the async function. */
  value: AnyNode;
  /** Did `param === undefined` already get `value` (so the default changes nothing)? */
  exact: boolean;
  /** Arguments of a call that passes its callback in `param`'s place. */
  arity: number;
  node: AnyNode;
}

interface ShiftMatch {
  /** The list that holds the shift, where `count` statements from `start` make it. */
  list: AnyNode[];
  start: number;
  count: number;
  /** What stays in the async body in their place: the branches that do not shift. */
  rest: AnyNode[];
  /** What the dual wrapper runs first. */
  replay: AnyNode[];
  param: string;
  value: AnyNode;
  exact: boolean;
}

/** `cb = param; param = <literal>` (a block or a sequence): the literal, else undefined. */
function shiftValue(consequent: AnyNode, cb: string, param: string): AnyNode | undefined {
  const expressions = expressionsOf(consequent);
  if (!expressions || expressions.length !== 2) return undefined;
  const moved = assignedValue(expressions[0], cb);
  const value = assignedValue(expressions[1], param);
  return isIdentifierNamed(moved, param) && isPureLiteral(value) ? value : undefined;
}

/**
 * Does the test say "the callback came in `param`'s place": `typeof param === 'function'`,
 * `!cb`, or both joined by `&&`? Returns whether it reads the callback, or undefined.
 */
function shiftTest(test: AnyNode, cb: string, param: string): { readsCallback: boolean } | undefined {
  if (isFunctionTest(test, param)) return { readsCallback: false };
  if (isAbsenceTest(test, cb) || (test?.type === 'BinaryExpression' && ['===', '=='].includes(test.operator) && isIdentifierNamed(test.left, cb) && isNullish(test.right))) return { readsCallback: true };
  if (test?.type === 'LogicalExpression' && test.operator === '&&') {
    const [left, right] = [shiftTest(test.left, cb, param), shiftTest(test.right, cb, param)];
    if (left && right) return { readsCallback: left.readsCallback || right.readsCallback };
  }
  return undefined;
}

/**
 * The replay of a shift whose test reads the callback (`if (!cb)`) also asks that `param` be a
 * function: a promise call that passes `param` and no callback must keep its `param`.
 */
function replayOf(j: JSCodeshift, statement: AnyNode, param: string, readsCallback: boolean): AnyNode {
  const replay = cloneNode(statement);
  replay.alternate = null;
  const asksFunction = (test: AnyNode): boolean => isFunctionTest(test, param) || (test.type === 'LogicalExpression' && test.operator === '&&' && (asksFunction(test.left) || asksFunction(test.right)));
  if (readsCallback && !asksFunction(replay.test)) {
    const isFunction = j.binaryExpression('===', j.unaryExpression('typeof', j.identifier(param)), j.stringLiteral('function'));
    replay.test = j.logicalExpression('&&', isFunction, replay.test);
  }
  return replay;
}

/** `cb = typeof param === 'function' ? param : cb` then `param = typeof param === 'function' ? <literal> : param`. */
function matchConditionalShift(list: AnyNode[], start: number, cb: string, params: string[]): ShiftMatch | undefined {
  const [first, second] = [list[start], list[start + 1]];
  const moved = first?.type === 'ExpressionStatement' ? assignedValue(first.expression, cb) : undefined;
  if (moved?.type !== 'ConditionalExpression' || !isIdentifierNamed(moved.alternate, cb)) return undefined;
  const param = params.find((name) => isFunctionTest(moved.test, name) && isIdentifierNamed(moved.consequent, name));
  const shifted = param && second?.type === 'ExpressionStatement' ? assignedValue(second.expression, param) : undefined;
  if (!param || shifted?.type !== 'ConditionalExpression' || !isFunctionTest(shifted.test, param) || !isIdentifierNamed(shifted.alternate, param) || !isPureLiteral(shifted.consequent)) return undefined;
  const value = shifted.consequent;
  return { list, start, count: 2, rest: [], replay: [cloneNode(first), cloneNode(second)], param, value, exact: isIdentifierNamed(value, 'undefined') };
}

function matchShift(j: JSCodeshift, list: AnyNode[], start: number, cb: string, params: string[]): ShiftMatch | undefined {
  const statement = list[start];
  if (statement?.type === 'ExpressionStatement') return matchConditionalShift(list, start, cb, params);
  if (statement?.type !== 'IfStatement') return undefined;
  for (const param of params) {
    const test = shiftTest(statement.test, cb, param);
    const value = test ? shiftValue(statement.consequent, cb, param) : undefined;
    if (test && value) {
      const rest = statement.alternate ? [statement.alternate] : [];
      return { list, start, count: 1, rest, replay: [replayOf(j, statement, param, test.readsCallback)], param, value, exact: isIdentifierNamed(value, 'undefined') };
    }
  }
  // `if (opts) { <shift> … } else { opts = {} }`: a function is truthy, so the shift may go first.
  const inner = statement.consequent.type === 'BlockStatement' ? statement.consequent.body : undefined;
  const guarded = params.find((param) => isIdentifierNamed(statement.test, param));
  if (!guarded || !inner) return undefined;
  const match = matchShift(j, inner, 0, cb, [guarded]);
  if (!match) return undefined;
  const otherwise = statement.alternate ? expressionsOf(statement.alternate) : undefined;
  const fallback = otherwise?.length === 1 ? assignedValue(otherwise[0], guarded) : undefined;
  return { ...match, exact: match.exact || (!!fallback && isPureLiteral(fallback) && sameLiteral(fallback, match.value)) };
}

/**
 * Finds one shift among the function's first statements (before anything reads the callback
 * or the shifted parameter), takes it out of `fn`'s body and gives the parameter its default.
 * Two shifts are left alone: each default would only be right for its own call shape.
 */
export function takeArgumentShift(j: JSCodeshift, fn: AnyNode, cb: string): ArgumentShift | undefined {
  const params: string[] = fn.params.slice(0, -1).map((param: AnyNode) => (param.type === 'Identifier' ? param.name : undefined)).filter(Boolean);
  const body: AnyNode[] = fn.body.body;
  const strict = (fn.body.directives ?? []).some((directive: AnyNode) => directive.value?.value === 'use strict');
  const seen: AnyNode[] = [];
  let found: ShiftMatch | undefined;
  for (let i = 0; i < body.length; i++) {
    const match = matchShift(j, body, i, cb, params);
    if (match && !found && !seen.some((earlier) => referencesName(earlier, match.param))) {
      found = match;
      i += match.list === body ? match.count - 1 : 0;
      continue;
    }
    if (match || referencesName(body[i], cb)) break;
    if (body[i].type !== 'FunctionDeclaration') seen.push(body[i]);
  }
  if (!found) return undefined;
  const { list, start, count, rest, replay, param, value } = found;
  // A default makes the parameter list non-simple, where a 'use strict' body is a syntax error.
  const needsDefault = !isIdentifierNamed(value, 'undefined');
  if (needsDefault && strict) return undefined;
  const node = list[start];
  list.splice(start, count, ...rest);
  const index = fn.params.findIndex((item: AnyNode) => isIdentifierNamed(item, param));
  if (needsDefault) {
    const left = fn.params[index];
    left.optional = false;
    fn.params[index] = j.assignmentPattern(left, cloneNode(value));
  }
  return { replay, param, value, exact: found.exact, arity: index + 1, node };
}
