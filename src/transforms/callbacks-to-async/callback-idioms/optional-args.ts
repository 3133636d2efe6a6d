import type { JSCodeshift } from 'jscodeshift';
import { isIdentifierNamed, referencesName, type AnyNode } from '../../shared/ast';
import { cloneNode } from '../../shared/clone';
import { assignedValue, expressionsOf, isFunctionTest, isPureLiteral, sameLiteral } from './shapes';

/**
 * The optional-argument shift: `if (typeof opts === 'function') { cb = opts; opts = {} }`.
 * A call that passed the callback in `opts`'s place is, as a promise call, one that leaves
 * `opts` out: the async function gets `opts = {}` as a default instead. Callers that still
 * pass a callback go through the dual wrapper, which replays the shift before the body.
 */
export interface ArgumentShift {
  /** The shifting `if` as written, without branches that do not shift: the dual wrapper runs it first. */
  replay: AnyNode;
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
  statement: AnyNode;
  /** The list that holds it, where it is replaced by what is left when no callback comes first. */
  list: AnyNode[];
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

function matchShift(statement: AnyNode, list: AnyNode[], cb: string, params: string[]): ShiftMatch | undefined {
  if (statement?.type !== 'IfStatement') return undefined;
  for (const param of params) {
    if (isFunctionTest(statement.test, param)) {
      const value = shiftValue(statement.consequent, cb, param);
      return value ? { statement, list, param, value, exact: isIdentifierNamed(value, 'undefined') } : undefined;
    }
  }
  // `if (opts) { <shift> … } else { opts = {} }`: a function is truthy, so the shift may go first.
  const inner = statement.consequent.type === 'BlockStatement' ? statement.consequent.body[0] : undefined;
  const guarded = params.find((param) => isIdentifierNamed(statement.test, param));
  if (!guarded || !inner) return undefined;
  const match = matchShift(inner, statement.consequent.body, cb, [guarded]);
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
  for (const statement of body) {
    const match = matchShift(statement, body, cb, params);
    if (match && !found && !seen.some((earlier) => referencesName(earlier, match.param))) {
      found = match;
      continue;
    }
    if (match || referencesName(statement, cb)) break;
    if (statement.type !== 'FunctionDeclaration') seen.push(statement);
  }
  if (!found) return undefined;
  const { statement, list, param, value } = found;
  // A default makes the parameter list non-simple, where a 'use strict' body is a syntax error.
  const needsDefault = !isIdentifierNamed(value, 'undefined');
  if (needsDefault && strict) return undefined;
  const replay = cloneNode(statement);
  replay.alternate = null;
  const rest = statement.alternate;
  list.splice(list.indexOf(statement), 1, ...(rest ? [rest] : []));
  const index = fn.params.findIndex((node: AnyNode) => isIdentifierNamed(node, param));
  if (needsDefault) {
    const left = fn.params[index];
    left.optional = false;
    fn.params[index] = j.assignmentPattern(left, cloneNode(value));
  }
  return { replay, param, value, exact: found.exact, arity: index + 1, node: statement };
}
