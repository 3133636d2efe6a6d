import type { ASTPath, JSCodeshift } from 'jscodeshift';
import { uniqueName, type AnyNode } from './ast';
import { isStraightLine, runsNothing } from './control-flow';

/**
 * Where the awaits for one converted statement go:
 * - `iife`: the statement becomes `(async () => { await …; continuation })()` on the spot, so
 *   the operation starts at the same moment and the code after it runs before the
 *   continuation, as before;
 * - `inline`: the statement is already at the top level of an async function awaitify made,
 *   followed by straight-line code: start the operation, run that code, then await. Also in
 *   an `if` block inside such a function when the block ends by leaving the function
 *   (`{ op(…, cb); return; }`): nothing after the block ran on that path anyway, so the
 *   continuation goes in before that `return` (`beforeExit`);
 * - `arrow-body`: the call is an arrow's expression body (`f => fs.unlink(f, cb)`) and returns
 *   undefined: the body becomes a block holding the IIFE, so the arrow still returns undefined.
 */
export type Placement =
  | { kind: 'iife'; statementPath: ASTPath<AnyNode> }
  | { kind: 'inline'; statementPath: ASTPath<AnyNode>; list: AnyNode[]; index: number; beforeExit?: boolean }
  | { kind: 'arrow-body'; arrow: AnyNode };

/** The iife placement, which gives the continuation a scope of its own. */
export function iifePlacement(placement: Placement): Placement {
  return placement.kind === 'inline' ? { kind: 'iife', statementPath: placement.statementPath } : placement;
}

export function placementFor(statementPath: ASTPath<AnyNode>, ownAsyncFunctions: WeakSet<AnyNode>): Placement {
  const list = statementPath.parentPath?.value;
  const block = statementPath.parent?.value;
  const owner = statementPath.parent?.parent?.value;
  if (!Array.isArray(list) || block?.type !== 'BlockStatement') return { kind: 'iife', statementPath };
  const index = list.indexOf(statementPath.value);
  if (index === -1) return { kind: 'iife', statementPath };
  const after = list.slice(index + 1);
  const ownBody = !!owner && ownAsyncFunctions.has(owner);
  if (ownBody && isStraightLine(after)) return { kind: 'inline', statementPath, list, index };
  // The last thing an own async function runs, down through ifs (`if (a) { op(…, cb) } else {…}`):
  // after the continuation the function ends, as it did when the callback ran.
  if (isStraightLine(after) && insideOwnAsync(statementPath.parent, ownAsyncFunctions, true)) return { kind: 'inline', statementPath, list, index };
  if (endsByLeaving(after) && isStraightLine(after.slice(0, -1)) && (ownBody || insideOwnAsync(statementPath.parent, ownAsyncFunctions))) {
    return { kind: 'inline', statementPath, list, index, beforeExit: true };
  }
  return { kind: 'iife', statementPath };
}

function endsByLeaving(statements: AnyNode[]): boolean {
  const last = statements[statements.length - 1];
  return !!last && (last.type === 'ReturnStatement' || last.type === 'ThrowStatement');
}

/**
 * Is this block reached from an own async function only through `if` branches, blocks and catch
 * blocks (of a try with no finally)? With `last`, each of them must also be the last statement
 * of its list: the block ends the function.
 */
function insideOwnAsync(blockPath: ASTPath<AnyNode>, ownAsyncFunctions: WeakSet<AnyNode>, last = false): boolean {
  let current: AnyNode = blockPath;
  for (;;) {
    const parent = current.parent;
    if (!parent) return false;
    const node = parent.value;
    if (ownAsyncFunctions.has(node)) return current.value.type === 'BlockStatement' && node.body === current.value;
    if (node.type === 'CatchClause') {
      // A catch block (awaitify's own `catch (er) { …handler }`): what it throws or returns leaves
      // the try statement as it is, unless a finally runs first.
      const statement = parent.parent;
      if (!statement || statement.value.type !== 'TryStatement' || statement.value.finalizer) return false;
      current = statement;
      continue;
    }
    if (node.type !== 'IfStatement' && node.type !== 'BlockStatement') return false;
    // Only function declarations after it (`if (…) { op(…, cb) } function step() {…}`): still the end.
    if (last && node.type === 'BlockStatement' && !runsNothing(node.body.slice(node.body.indexOf(current.value) + 1))) return false;
    current = parent;
  }
}

/** The siblings whose names a moved continuation must not clash with. */
export function siblingStatements(placement: Placement): AnyNode[] {
  return placement.kind === 'inline' ? placement.list.filter((_, i) => i !== placement.index) : [];
}

export interface AwaitConversion {
  /** The expression that starts the operation and gives its promise. */
  start: AnyNode;
  /** Statements that await `promise` (the start expression, or a name holding it). */
  awaitStatements(promise: AnyNode): AnyNode[];
  /** What ran in the callback after the operation completed. */
  continuation: AnyNode[];
  /** Base of the name for a promise started before the code that follows it. */
  promiseName: string;
}

export interface PlacementContext {
  j: JSCodeshift;
  /** Every identifier name in the file, to pick new names that clash with nothing. */
  takenNames: Set<string>;
  /** Async functions awaitify made in this file; later conversions may extend their bodies. */
  ownAsyncFunctions: WeakSet<AnyNode>;
  /** Without semicolons, a statement that starts with `(` needs `void` in front. */
  usesSemicolons: boolean;
}

/** Replaces the statement with the conversion, where the placement says. */
export function applyPlacement(placement: Placement, conversion: AwaitConversion, context: PlacementContext): void {
  const j = context.j;
  if (placement.kind !== 'inline') {
    const fn = j.arrowFunctionExpression([], j.blockStatement([...conversion.awaitStatements(conversion.start), ...conversion.continuation]));
    fn.async = true;
    context.ownAsyncFunctions.add(fn);
    const call = j.callExpression(fn, []);
    replaceOnTheSpot(j, placement, j.expressionStatement(context.usesSemicolons ? call : j.unaryExpression('void', call)));
    return;
  }

  const statement = placement.statementPath.value;
  const { list, index } = placement;
  const end = placement.beforeExit ? list.length - 1 : list.length;
  if (list.slice(index + 1, end).every((node) => node.type === 'FunctionDeclaration')) {
    // Nothing runs between the start and the await: the plain form is the same thing.
    const replacement = [...conversion.awaitStatements(conversion.start), ...conversion.continuation];
    if (replacement[0]) replacement[0].comments = statement.comments;
    list.splice(index, 1, ...replacement);
    return;
  }
  // Start now, let the code that followed run, then wait: the callback ran after it before.
  const promiseName = uniqueName(`${conversion.promiseName}Promise`, context.takenNames);
  const start = j.variableDeclaration('const', [j.variableDeclarator(j.identifier(promiseName), conversion.start)]);
  start.comments = statement.comments;
  list.splice(index, 1, start);
  list.splice(end, 0, ...conversion.awaitStatements(j.identifier(promiseName)), ...conversion.continuation);
}

/** The statement (or the arrow's expression body) becomes `replacement`, its comments kept. */
function replaceOnTheSpot(j: JSCodeshift, placement: Exclude<Placement, { kind: 'inline' }>, replacement: AnyNode): void {
  if (placement.kind === 'arrow-body') {
    placement.arrow.body = j.blockStatement([replacement]);
  } else {
    replacement.comments = placement.statementPath.value.comments;
    placement.statementPath.replace(replacement);
  }
}

/** Does the text end its statements with semicolons, by majority of lines that could? */
export function usesSemicolons(source: string): boolean {
  const lines = source.split('\n').map((line) => line.trimEnd()).filter((line) => /[\w)\]'"`;]$/.test(line));
  const withSemicolon = lines.filter((line) => line.endsWith(';')).length;
  return withSemicolon * 2 >= lines.length;
}
