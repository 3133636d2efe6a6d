// What a file does where it is consistent (semicolons, `var` or `const`, a space before a
// function's parentheses): the habits new code follows. Read from the original's tree and text.

/** Statements that end with a semicolon or with nothing, where a file's style shows. */
export const TERMINATED = new Set([
  'ExpressionStatement',
  'VariableDeclaration',
  'ReturnStatement',
  'ThrowStatement',
  'BreakStatement',
  'ContinueStatement',
  'DoWhileStatement',
  'ImportDeclaration',
  'ExportAllDeclaration',
  'Directive',
]);

const LOOPS = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);
export const isLoop = (node: any): boolean => LOOPS.has(node?.type);
export const isFunctionNode = (node: any): boolean =>
  ['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ObjectMethod', 'ClassMethod', 'ClassPrivateMethod'].includes(node?.type);

const SKIPPED = new Set(['loc', 'tokens', 'comments', 'leadingComments', 'trailingComments', 'innerComments', 'extra', 'errors']);

/** Every node under `root` with its ancestors (nearest last) and the key it sits under. */
export function walkNodes(root: any, visit: (node: any, ancestors: any[], key: string) => void): void {
  const ancestors: any[] = [];
  const step = (node: any, key: string): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      // Parsed trees have no holes (babel gives null), so a plain loop visits what forEach did.
      for (let i = 0; i < node.length; i++) step(node[i], key);
      return;
    }
    if (typeof node.type !== 'string') return;
    visit(node, ancestors, key);
    ancestors.push(node);
    const keys = Object.keys(node);
    for (let k = 0; k < keys.length; k++) {
      const child = keys[k];
      if (SKIPPED.has(child)) continue;
      const value = node[child];
      if (value !== null && typeof value === 'object') step(value, child);
    }
    ancestors.pop();
  };
  step(root, '');
}

export interface StatementEnd {
  node: any;
  /** Offset of its terminating semicolon, or undefined when it has none. */
  semicolon: number | undefined;
  /** The semicolon is a guard on the next line (`foo()\n;[a].map(…)`), not the style. */
  guard: boolean;
}

/** Every statement that can end with a semicolon (in a list or alone, as an `if`'s branch), with that semicolon; not a `for` head's declaration. */
export function statementEndsOf(ast: any, text: string): StatementEnd[] {
  const ends: StatementEnd[] = [];
  walkNodes(ast.program, (node, ancestors, key) => {
    if (!TERMINATED.has(node.type)) return;
    const parent = ancestors[ancestors.length - 1];
    if (isLoop(parent) && (key === 'init' || key === 'left')) return;
    if (parent?.type === 'ExportNamedDeclaration' || parent?.type === 'ExportDefaultDeclaration') return;
    const hasSemicolon = text[node.end - 1] === ';';
    const guard = hasSemicolon && /\n\s*$/.test(text.slice(node.start, node.end - 1));
    ends.push({ node, semicolon: hasSemicolon ? node.end - 1 : undefined, guard });
  });
  return ends;
}

/** Statement lists (a block's, a program's, a case's), directives first. */
export function statementLists(ast: any): any[][] {
  const lists: any[][] = [];
  walkNodes(ast.program, (node) => {
    if (!['Program', 'BlockStatement', 'SwitchCase', 'StaticBlock'].includes(node.type)) return;
    const list = [...(node.directives ?? []), ...(Array.isArray(node.body) ? node.body : []), ...(Array.isArray(node.consequent) ? node.consequent : [])];
    if (list.length > 0) lists.push(list);
  });
  return lists;
}

export interface FileHabits {
  /** Statements end with `;` (true), never (false: a semicolon-free file), or either (undefined). */
  semicolons: boolean | undefined;
  /** Declarations are all `var`: the file has no `let` or `const`. */
  varOnly: boolean;
  /** What stands between a function's name and its `(` (`''` or `' '`), when the file is consistent. */
  namedFunctionGap: string | undefined;
  /** The same after `function` (or `function*`) in a function without a name. */
  anonymousFunctionGap: string | undefined;
  /** `if (err) return cb(err)` on one line rather than two (an `if` without braces). */
  oneLineIfs: boolean;
  /** In functions, a blank line beside a statement of several lines at least half the time. */
  blankLinesAroundBlocks: boolean;
}

/** One way four times as often as the other, at least once: the file's habit. */
function consistent<T>(counts: Map<T, number>): T | undefined {
  const sorted = [...counts].sort((x, y) => y[1] - x[1]);
  if (sorted.length === 0) return undefined;
  const [first, second] = sorted;
  return second === undefined || first[1] >= 4 * second[1] ? first[0] : undefined;
}

const count = <T>(counts: Map<T, number>, key: T): void => {
  counts.set(key, (counts.get(key) ?? 0) + 1);
};

/** The gap before a function's `(`, with the offset where it starts; undefined for methods, arrows and generics. */
export function functionGap(node: any, text: string): { named: boolean; start: number; gap: string } | undefined {
  if (node.type !== 'FunctionDeclaration' && node.type !== 'FunctionExpression') return undefined;
  if (node.typeParameters || node.params === undefined) return undefined;
  let start: number;
  if (node.id) start = node.id.end;
  else {
    const keyword = /function(\s*\*)?/.exec(text.slice(node.start, node.body.start));
    if (!keyword) return undefined;
    start = node.start + keyword.index + keyword[0].length;
  }
  const open = text.indexOf('(', start);
  if (open < 0) return undefined;
  const gap = text.slice(start, open);
  if (!/^[ \t]*$/.test(gap)) return undefined;
  return { named: Boolean(node.id), start, gap };
}

export function fileHabits(ast: any, text: string): FileHabits {
  const semicolons = new Map<boolean, number>();
  for (const end of statementEndsOf(ast, text)) if (!end.guard) count(semicolons, end.semicolon !== undefined);
  const kinds = new Map<string, number>();
  const named = new Map<string, number>();
  const anonymous = new Map<string, number>();
  const ifs = new Map<boolean, number>();
  const blanks = new Map<boolean, number>();
  walkNodes(ast.program, (node) => {
    if (node.type === 'BlockStatement') {
      node.body.forEach((statement: any, index: number) => {
        const next = node.body[index + 1];
        if (!next || (statement.loc.start.line === statement.loc.end.line && next.loc.start.line === next.loc.end.line)) return;
        count(blanks, /\n[ \t]*\r?\n/.test(text.slice(statement.end, next.start)));
      });
    }
    if (node.type === 'IfStatement' && node.consequent.type !== 'BlockStatement') count(ifs, node.consequent.loc.start.line === node.test.loc.end.line);
    if (node.type === 'VariableDeclaration') count(kinds, node.kind === 'var' ? 'var' : 'block');
    const gap = functionGap(node, text);
    if (gap) count(gap.named ? named : anonymous, gap.gap);
  });
  return {
    semicolons: consistent(semicolons),
    varOnly: (kinds.get('var') ?? 0) > 0 && !kinds.has('block'),
    namedFunctionGap: consistent(named),
    anonymousFunctionGap: consistent(anonymous),
    oneLineIfs: (ifs.get(true) ?? 0) >= (ifs.get(false) ?? 0),
    blankLinesAroundBlocks: (blanks.get(true) ?? 0) > 0 && (blanks.get(true) ?? 0) >= (blanks.get(false) ?? 0),
  };
}
