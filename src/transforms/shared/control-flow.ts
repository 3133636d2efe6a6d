import { some, type AnyNode } from './ast';

/** Does running these statements always leave by return or throw (never fall through)? */
export function alwaysExits(statements: AnyNode[]): boolean {
  const last = statements[statements.length - 1];
  if (!last) return false;
  switch (last.type) {
    case 'ReturnStatement':
    case 'ThrowStatement':
      return true;
    case 'BlockStatement':
      return alwaysExits(last.body);
    case 'IfStatement':
      return !!last.alternate && alwaysExits(asStatements(last.consequent)) && alwaysExits(asStatements(last.alternate));
    default:
      return false;
  }
}

/** Statements that run nothing where they stand: function declarations (hoisted) and empty ones. */
export function runsNothing(statements: AnyNode[]): boolean {
  return statements.every((statement) => statement.type === 'FunctionDeclaration' || statement.type === 'EmptyStatement');
}

/** A statement as a list: a block's body, or the statement alone. */
export function asStatements(statement: AnyNode | null | undefined): AnyNode[] {
  if (!statement) return [];
  return statement.type === 'BlockStatement' ? statement.body : [statement];
}

/**
 * Can these statements, run in place, only go on to the next statement (no return, await,
 * yield, or leaving a loop/label outside them)? Throws are the one exit allowed: see the
 * README on why code that throws there crashes both versions alike.
 */
export function isStraightLine(statements: AnyNode[]): boolean {
  return !statements.some((statement) =>
    some(statement, (node) =>
      node.type === 'ReturnStatement' ||
      node.type === 'AwaitExpression' ||
      node.type === 'YieldExpression' ||
      (node.type === 'ForOfStatement' && node.await) ||
      ((node.type === 'BreakStatement' || node.type === 'ContinueStatement') && !!node.label) ||
      node.type === 'ExportNamedDeclaration' ||
      node.type === 'ExportDefaultDeclaration',
    { skipFunctions: true }) || isBareLoopExit(statement),
  );
}

function isBareLoopExit(statement: AnyNode): boolean {
  // A break or continue at this level would leave a loop outside the statements.
  const exits = (node: AnyNode): boolean => (node.type === 'BreakStatement' || node.type === 'ContinueStatement') && !node.label;
  if (exits(statement)) return true;
  if (statement.type === 'BlockStatement') return statement.body.some(isBareLoopExit);
  if (statement.type === 'IfStatement') return isBareLoopExit(statement.consequent) || (!!statement.alternate && isBareLoopExit(statement.alternate));
  if (statement.type === 'TryStatement') {
    return [statement.block, statement.handler?.body, statement.finalizer].some((block) => !!block && isBareLoopExit(block));
  }
  return false;
}
