import type { ASTPath, JSCodeshift } from 'jscodeshift';
import { isFunctionNode, isLoop, type AnyNode } from '../shared/ast';
import { isStraightLine } from '../shared/control-flow';

/**
 * How a setInterval loop stops where the callback called `clearInterval(id)`:
 * - `break`: every clear is where the tick ends anyway (at the end of the callback, or just
 *   before a `return;`), so the clear becomes a `break` where the tick ends;
 * - `flag`: a clear somewhere else sets a flag that the loop checks before its next wait (the
 *   rest of that tick still runs, as it did after clearInterval);
 * - `signal`: the interval is also cleared from outside the callback, so the handle becomes an
 *   AbortController whose signal cancels the pending wait at once.
 */
export type StopMode = 'break' | 'flag' | 'signal';

/** Where a tick ends after a clear: at a `return;` that follows it, or at the end of the callback. */
type StopKind = 'return' | 'end';

export type IntervalBodyResult = { ok: true; mode: StopMode } | { ok: false; messageId: string };

/** Return statements of the callback itself (not of functions inside it). */
export function ownReturnPaths(j: JSCodeshift, fnPath: ASTPath<AnyNode>): ASTPath<AnyNode>[] {
  return j(fnPath).find(j.ReturnStatement).paths().filter((path: ASTPath<AnyNode>) => enclosingFunctionPath(path) === fnPath.value);
}

function enclosingFunctionPath(path: ASTPath<AnyNode>): AnyNode | undefined {
  for (let current = path.parent; current; current = current.parent) if (isFunctionNode(current.value)) return current.value;
  return undefined;
}

function isInsideLoopOf(path: ASTPath<AnyNode>, fn: AnyNode): boolean {
  for (let current = path.parent; current && current.value !== fn; current = current.parent) if (isLoop(current.value)) return true;
  return false;
}

/** After this statement completes, does the function end (no loop, switch or try on the way)? */
export function endsCallback(statementPath: ASTPath<AnyNode>, fnBody: AnyNode): boolean {
  const container = statementPath.parentPath?.value;
  const parent = statementPath.parent?.value;
  if (Array.isArray(container)) {
    if (container[container.length - 1] !== statementPath.value) return false;
    if (parent === fnBody) return true;
    return parent?.type === 'BlockStatement' && endsCallback(statementPath.parent, fnBody);
  }
  return parent?.type === 'IfStatement' && endsCallback(statementPath.parent, fnBody);
}

/** Does the tick end right after this clear (nothing but straight-line code before its end)? */
export function stopKind(clearStatementPath: ASTPath<AnyNode>, fnBody: AnyNode): StopKind | undefined {
  const container = clearStatementPath.parentPath?.value;
  if (!Array.isArray(container)) return endsCallback(clearStatementPath, fnBody) ? 'end' : undefined;
  const rest = container.slice(container.indexOf(clearStatementPath.value) + 1);
  const last = rest[rest.length - 1];
  if (last?.type === 'ReturnStatement' && !last.argument && isStraightLine(rest.slice(0, -1))) return 'return';
  if (!isStraightLine(rest)) return undefined;
  const lastPath = rest.length > 0 ? clearStatementPath.parentPath.get(container.length - 1) : clearStatementPath;
  return endsCallback(lastPath, fnBody) ? 'end' : undefined;
}

/**
 * Reads an interval callback's body: its returns (each ends one tick: `continue`) and its own
 * clears, and says how the loop will stop.
 */
export function readIntervalBody(j: JSCodeshift, fnPath: ASTPath<AnyNode>, ownClears: ASTPath<AnyNode>[], clearedElsewhere: boolean): IntervalBodyResult {
  const fn = fnPath.value;
  for (const path of ownReturnPaths(j, fnPath)) {
    if (path.value.argument) return { ok: false, messageId: 'intervalReturnsValue' };
    if (isInsideLoopOf(path, fn)) return { ok: false, messageId: 'intervalReturnInLoop' };
  }
  if (clearedElsewhere) return { ok: true, mode: 'signal' };
  if (ownClears.some((clear) => clear.parent?.value.type !== 'ExpressionStatement')) {
    return { ok: false, messageId: 'clearIntervalAsValue' };
  }
  const every = ownClears.every((clear) => stopKind(clear.parent, fn.body) !== undefined);
  return { ok: true, mode: every ? 'break' : 'flag' };
}

export interface IntervalBodyEdits {
  mode: StopMode;
  /** The flag variable (flag mode) or the AbortController (signal mode). */
  name?: string;
}

/**
 * Rewrites the callback body in place for the loop: clears become breaks, flag sets or aborts,
 * and returns become `continue`. Call on the body before it moves.
 */
export function editIntervalBody(j: JSCodeshift, fnPath: ASTPath<AnyNode>, ownClears: ASTPath<AnyNode>[], edits: IntervalBodyEdits): void {
  const fn = fnPath.value;
  for (const clear of ownClears) {
    if (edits.mode === 'signal') continue;
    const statementPath = clear.parent;
    if (edits.mode === 'flag') {
      statementPath.value.expression = j.assignmentExpression('=', j.identifier(edits.name!), j.booleanLiteral(true));
      continue;
    }
    const kind = stopKind(statementPath, fn.body);
    const container = statementPath.parentPath.value;
    if (!Array.isArray(container)) {
      statementPath.replace(j.breakStatement());
    } else if (kind === 'return') {
      container.splice(container.indexOf(statementPath.value), 1);
      container.splice(container.length - 1, 1, j.breakStatement());
    } else {
      container.splice(container.indexOf(statementPath.value), 1);
      container.push(j.breakStatement());
    }
  }
  for (const path of ownReturnPaths(j, fnPath)) path.replace(j.continueStatement());
}
