'use strict';
// Lines of new code written in another style than the file's own: a semicolon in a
// semicolon-free file, the other quote, another space before a function's parentheses, `const`
// or `let` in a file that only writes `var`. A habit counts only where the file is consistent
// (one way at least four times as often as the other). Plain @babel/parser trees, no awaitify code.

const { walk } = require('./counter');
const { codeTokens, matchTokens } = require('./token-diff');

const TERMINATED = new Set(['ExpressionStatement', 'VariableDeclaration', 'ReturnStatement', 'ThrowStatement', 'BreakStatement', 'ContinueStatement', 'ImportDeclaration', 'ExportAllDeclaration']);
const LOOP_HEAD = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement']);

/** Statements that may end with `;`, with whether they do (a guard `foo()\n;[a]` aside). */
function statementEnds(file) {
  const ends = [];
  walk(file.ast.program, (node, parent) => {
    if (!TERMINATED.has(node.type)) return;
    if (parent && LOOP_HEAD.has(parent.type) && node.type === 'VariableDeclaration' && parent.body !== node) return;
    if (parent && /^Export/.test(parent.type)) return;
    const semicolon = file.text[node.end - 1] === ';';
    const guard = semicolon && /\n\s*$/.test(file.text.slice(node.start, node.end - 1));
    if (!guard) ends.push({ node, semicolon });
  });
  for (const directive of file.ast.program.directives || []) ends.push({ node: directive, semicolon: file.text[directive.end - 1] === ';' });
  return ends;
}

/** The gap between a function's name (or `function`) and its `(`, where it is plain spacing. */
function functionGap(node, text) {
  if ((node.type !== 'FunctionDeclaration' && node.type !== 'FunctionExpression') || node.typeParameters) return undefined;
  let start;
  if (node.id) start = node.id.end;
  else {
    const keyword = /function(\s*\*)?/.exec(text.slice(node.start, node.body.start));
    if (!keyword) return undefined;
    start = node.start + keyword.index + keyword[0].length;
  }
  const open = text.indexOf('(', start);
  const gap = text.slice(start, open);
  return open >= 0 && /^[ \t]*$/.test(gap) ? { named: Boolean(node.id), start, gap } : undefined;
}

function consistent(counts) {
  const sorted = Object.entries(counts).sort((x, y) => y[1] - x[1]);
  if (sorted.length === 0 || sorted[0][1] === 0) return undefined;
  return sorted.length === 1 || sorted[0][1] >= 4 * sorted[1][1] ? sorted[0][0] : undefined;
}

const tally = (counts, key) => {
  counts[key] = (counts[key] || 0) + 1;
};

const plainString = (token) => token.type.label === 'string' && !/['"\\]/.test(String(token.value));

/** What the file does where it is consistent: semicolons ('yes'/'no'), quote, function gaps, var only. */
function habitsOf(file) {
  const semicolons = {};
  for (const end of statementEnds(file)) tally(semicolons, end.semicolon ? 'yes' : 'no');
  const quotes = {};
  for (const token of codeTokens(file.ast)) if (plainString(token)) tally(quotes, file.text[token.start]);
  const named = {};
  const anonymous = {};
  const kinds = {};
  walk(file.ast.program, (node) => {
    const gap = functionGap(node, file.text);
    if (gap) tally(gap.named ? named : anonymous, JSON.stringify(gap.gap));
    if (node.type === 'VariableDeclaration') tally(kinds, node.kind === 'var' ? 'var' : 'block');
  });
  const gapOf = (counts) => (consistent(counts) === undefined ? undefined : JSON.parse(consistent(counts)));
  return { semicolons: consistent(semicolons), quote: consistent(quotes), named: gapOf(named), anonymous: gapOf(anonymous), varOnly: (kinds.var || 0) > 0 && !kinds.block };
}

/**
 * Lines holding new code (a token the input lacks) that break one of the input's habits; each
 * line counts once. `before` undefined: every line is new (a file the run created), checked
 * against `habits` (the package's).
 */
function styleLines(habits, before, after) {
  const afterTokens = codeTokens(after.ast);
  const matched = before ? matchTokens(codeTokens(before.ast), afterTokens) : new Map();
  const isNew = (index) => index >= 0 && !matched.has(index);
  const tokenIndexAt = (offset) => afterTokens.findIndex((token) => token.start >= offset);
  const newLines = new Set();
  afterTokens.forEach((token, index) => {
    if (isNew(index)) newLines.add(token.loc.start.line);
  });
  const offending = new Set();
  const inLoop = declarationsInLoops(after.ast.program);
  const shadowing = declarationsShadowingVars(after.ast.program);
  const lineOf = (offset) => after.text.slice(0, offset).split('\n').length;
  if (habits.semicolons === 'no') {
    for (const end of statementEnds(after)) if (end.semicolon && newLines.has(lineOf(end.node.end - 1))) offending.add(lineOf(end.node.end - 1));
  }
  if (habits.quote) {
    afterTokens.forEach((token, index) => {
      if (isNew(index) && plainString(token) && after.text[token.start] !== habits.quote) offending.add(token.loc.start.line);
    });
  }
  walk(after.ast.program, (node) => {
    const gap = functionGap(node, after.text);
    const wanted = gap && (gap.named ? habits.named : habits.anonymous);
    if (gap && wanted !== undefined && gap.gap !== wanted) {
      if (newLines.has(lineOf(gap.start))) offending.add(lineOf(gap.start));
    }
    if (habits.varOnly && node.type === 'VariableDeclaration' && node.kind !== 'var' && isNew(tokenIndexAt(node.start)) && !inLoop.has(node) && !shadowing.has(node)) offending.add(node.loc.start.line);
  });
  return offending.size;
}

const LOOPS = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);
const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ObjectMethod', 'ClassMethod']);

/**
 * Declarations inside a loop of their own function: there `var` would share one binding across
 * passes (a `let st;` starts each pass undefined, a `var st;` keeps the last pass's value), so a
 * var-only file's habit does not apply to them.
 */
function declarationsInLoops(program) {
  const parents = new Map();
  walk(program, (node, parent) => parents.set(node, parent));
  const found = new Set();
  for (const [node] of parents) {
    if (node.type !== 'VariableDeclaration' || node.kind === 'var') continue;
    for (let up = parents.get(node); up && !FUNCTIONS.has(up.type); up = parents.get(up)) {
      if (LOOPS.has(up.type)) {
        found.add(node);
        break;
      }
    }
  }
  return found;
}

/**
 * Declarations in a nested block that declare a name the function already has (a parameter or a
 * `var`): there `var` would be that same binding, not a new one (a callback's own `err`
 * parameter, shadowing the outer `err`, becomes a block's `let err` once awaited in place), so a
 * var-only file's habit does not apply to them either.
 */
function declarationsShadowingVars(program) {
  const parents = new Map();
  walk(program, (node, parent) => parents.set(node, parent));
  const functionOf = (node) => {
    let up = parents.get(node);
    while (up && !FUNCTIONS.has(up.type)) up = parents.get(up);
    return up;
  };
  const namesOf = new Map();
  const declaredIn = (fn) => {
    if (namesOf.has(fn)) return namesOf.get(fn);
    const names = new Set(fn.params.filter((param) => param.type === 'Identifier').map((param) => param.name));
    for (const [node] of parents) {
      if (node.type !== 'VariableDeclaration' || node.kind !== 'var' || functionOf(node) !== fn) continue;
      for (const declarator of node.declarations) if (declarator.id.type === 'Identifier') names.add(declarator.id.name);
    }
    namesOf.set(fn, names);
    return names;
  };
  const found = new Set();
  for (const [node, parent] of parents) {
    if (node.type !== 'VariableDeclaration' || node.kind === 'var') continue;
    const fn = functionOf(node);
    if (!fn || parent === fn.body) continue;
    const names = declaredIn(fn);
    if (node.declarations.some((declarator) => declarator.id.type === 'Identifier' && names.has(declarator.id.name))) found.add(node);
  }
  return found;
}

module.exports = { habitsOf, styleLines };
