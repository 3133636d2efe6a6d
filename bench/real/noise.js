'use strict';
// The noise counter of the real-code benchmark: what a reviewer would have to clean by hand in
// awaitify's diff of one package, read from plain @babel/parser parses of each library file
// before and after (no awaitify code, so a change to the printer cannot change what is counted).
//
// Every column is one entry of NOISE: an id, a header, what it counts, and either
// file(before, after) (one changed file) or pkg(changes) (the package's changed and created
// files). test/noise.test.ts asserts the same properties over every fixture output.

const { parseSource, walk, isFunction } = require('./counter');
const { codeTokens, matchTokens, tokensByLine } = require('./token-diff');
const { habitsOf, styleLines } = require('./style-lines');

/** A comment's text with each line's indentation dropped: a moved block comment is the same comment. */
const commentText = (comment) =>
  `${comment.type === 'CommentBlock' ? '/*' : '//'}${comment.value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .join('\n')
    .trim()}`;

/** The blank lines (their whitespace kept) in the text between two tokens. */
function blankLinesBetween(text, from, to) {
  const lines = text.slice(from, to).split('\n');
  return lines.slice(1, -1).filter((line) => line.trim() === '');
}

/**
 * Lines of the output whose code tokens all come unchanged from whole lines of the input, yet
 * whose text differs by more than indentation (a semicolon, a quote, spacing, a line split or
 * joined), plus blank lines added, removed or with their whitespace changed between two
 * tokens that stayed next to each other.
 */
function punctuationOnlyLines(before, after) {
  const beforeTokens = codeTokens(before.ast);
  const afterTokens = codeTokens(after.ast);
  const matched = matchTokens(beforeTokens, afterTokens);
  const beforeByLine = tokensByLine(beforeTokens);
  const beforeLines = before.text.split(/\r?\n/);
  const afterLines = after.text.split(/\r?\n/);
  const [beforeEnds, afterEnds] = [declarationEnds(before.ast), declarationEnds(after.ast)];
  let count = 0;
  for (const [line, indexes] of tokensByLine(afterTokens)) {
    if (!indexes.every((index) => matched.has(index))) continue;
    const sources = indexes.map((index) => matched.get(index));
    const sourceLines = [...new Set(sources.map((index) => beforeTokens[index].loc.start.line))];
    // Every code token of those input lines must land on this line: otherwise the line lost or gained code.
    const whole = sourceLines.every((sourceLine) => beforeByLine.get(sourceLine).every((index) => sources.includes(index)));
    if (!whole) continue;
    const text = afterLines[line - 1];
    if (sourceLines.length === 1 && beforeLines[sourceLines[0] - 1].trim() === text.trim()) continue;
    // `};` that ended `X.prototype.f = function () {…};` now ends `async function fAsync () {…}`:
    // the statement changed kind, and its `;` would be an empty statement, not the file's style.
    const last = afterTokens[indexes[indexes.length - 1]];
    const becameDeclaration = sourceLines.length === 1 && afterEnds.has(last.end) && !beforeEnds.has(beforeTokens[matched.get(indexes[indexes.length - 1])].end);
    if (becameDeclaration && beforeLines[sourceLines[0] - 1].trim() === `${text.trim()};`) continue;
    count++;
  }
  for (let i = 0; i + 1 < afterTokens.length; i++) {
    const b = matched.get(i);
    if (b === undefined || matched.get(i + 1) !== b + 1) continue;
    const blankBefore = blankLinesBetween(before.text, beforeTokens[b].end, beforeTokens[b + 1].start);
    const blankAfter = blankLinesBetween(after.text, afterTokens[i].end, afterTokens[i + 1].start);
    // As many blank lines, but one lost or gained its whitespace (`  ` became ``): a diff line all
    // the same. Its indentation moving with the code around it does not count.
    const empty = (line) => line.replace(/\r$/, '') === '';
    if (blankBefore.length === blankAfter.length) count += blankBefore.filter((line, k) => empty(line) !== empty(blankAfter[k])).length;
    else count += Math.abs(blankBefore.length - blankAfter.length);
  }
  return count;
}

/** Where the file's function and class declarations end. */
function declarationEnds(ast) {
  const ends = new Set();
  walk(ast.program, (node) => {
    if (node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration') ends.add(node.end);
  });
  return ends;
}

function countNodes(ast, test) {
  let count = 0;
  walk(ast.program, (node, parent) => {
    if (test(node, parent)) count++;
  });
  return count;
}

function identifierNames(ast) {
  const names = new Set();
  walk(ast.program, (node) => {
    if (node.type === 'Identifier') names.add(node.name);
  });
  return names;
}

const NUMBERED = /^([A-Za-z_$][\w$]*?[A-Za-z_$])(\d+)$/;

/** Names the output brings in that are a name of the file with a number added (`done2`, `err3`). */
function numberedNames(before, after) {
  const old = identifierNames(before.ast);
  const now = identifierNames(after.ast);
  return [...now].filter((name) => {
    const match = NUMBERED.exec(name);
    return match !== null && !old.has(name) && now.has(match[1]);
  }).length;
}

const sourceOf = (file, node) => file.text.slice(node.start, node.end).replace(/\s+/g, '');

/** `cb = cb`, `[self, cb] = [self, cb]`, `this.x = this.x`. */
function noOpAssignments(file) {
  return countNodes(file.ast, (node) => node.type === 'AssignmentExpression' && node.operator === '=' && sourceOf(file, node.left) === sourceOf(file, node.right));
}

function awaitsOutsideNestedFunctions(body) {
  let found = false;
  const visit = (node) => {
    if (found || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node.type !== 'string') return;
    if (node.type === 'AwaitExpression' || (node.type === 'ForOfStatement' && node.await)) {
      found = true;
      return;
    }
    if (isFunction(node)) return;
    for (const key of Object.keys(node)) if (!['loc', 'start', 'end', 'extra', 'leadingComments', 'trailingComments', 'innerComments'].includes(key)) visit(node[key]);
  };
  visit(body);
  return found;
}

/**
 * `(async () => { … })()` standing as a statement (its promise dropped, `void` or not) whose
 * body awaits nothing: it need not be async, nor an IIFE. One whose promise is awaited or
 * returned keeps the timing of an async function and does not count.
 */
function iifesWithoutAwait(file) {
  return countNodes(
    file.ast,
    (node, parent) =>
      parent !== null &&
      (parent.type === 'ExpressionStatement' || (parent.type === 'UnaryExpression' && parent.operator === 'void')) &&
      node.type === 'CallExpression' &&
      (node.callee.type === 'ArrowFunctionExpression' || node.callee.type === 'FunctionExpression') &&
      node.callee.async &&
      !awaitsOutsideNestedFunctions(node.callee.body),
  );
}

/** Identifier occurrences by name within `scope` (a function or the program), nested functions included. */
function namesUsedIn(scope) {
  const uses = new Map();
  walk(scope, (node) => {
    if (node.type === 'Identifier') uses.set(node.name, (uses.get(node.name) || 0) + 1);
  });
  return uses;
}

/** The function (or program) a node sits in, from a map of parents. */
function scopeOf(node, parents, program) {
  for (let up = parents.get(node); up; up = parents.get(up)) if (isFunction(up)) return up;
  return program;
}

/**
 * Names bound by a destructuring declaration (`const [lock, fd] = await …`, `const { a } = …`)
 * that appear nowhere else in their function: a value destructured for nothing. Counted by name
 * (a shadowing name elsewhere in the function hides one: an undercount, never an overcount).
 */
function unusedDestructured(file) {
  const parents = new Map();
  walk(file.ast.program, (node, parent) => parents.set(node, parent));
  const usesByScope = new Map();
  let count = 0;
  for (const [node] of parents) {
    if (node.type !== 'VariableDeclarator' || (node.id.type !== 'ArrayPattern' && node.id.type !== 'ObjectPattern')) continue;
    const scope = scopeOf(node, parents, file.ast.program);
    if (!usesByScope.has(scope)) usesByScope.set(scope, namesUsedIn(scope));
    const uses = usesByScope.get(scope);
    // The pattern's own occurrences of a name (a shorthand `{ a }` holds two): used when there are more.
    const own = namesUsedIn(node.id);
    for (const name of boundNames(node.id)) if ((uses.get(name) || 0) <= own.get(name)) count++;
  }
  return count;
}

/** The names a pattern binds. */
function boundNames(pattern) {
  switch (pattern.type) {
    case 'Identifier':
      return [pattern.name];
    case 'ArrayPattern':
      return pattern.elements.filter(Boolean).flatMap(boundNames);
    case 'ObjectPattern':
      return pattern.properties.flatMap((property) => boundNames(property.type === 'RestElement' ? property.argument : property.value));
    case 'RestElement':
      return boundNames(pattern.argument);
    case 'AssignmentPattern':
      return boundNames(pattern.left);
    default:
      return [];
  }
}

const CALLBACK_NAME = /^(cb|callback|done|next|cb_|callback_)$/i;

/** Async functions whose last parameter is named as a callback and is never used in the function. */
function asyncUnusedCallbackParams(file) {
  return countNodes(file.ast, (node) => {
    if (!isFunction(node) || !node.async || node.params.length === 0) return false;
    const last = node.params[node.params.length - 1];
    if (last.type !== 'Identifier' || !CALLBACK_NAME.test(last.name)) return false;
    return (namesUsedIn(node.body).get(last.name) || 0) === 0;
  });
}

function commentsLost(before, after) {
  const left = new Map();
  for (const comment of after.ast.comments) left.set(commentText(comment), (left.get(commentText(comment)) || 0) + 1);
  let lost = 0;
  for (const comment of before.ast.comments) {
    const text = commentText(comment);
    if (left.get(text) > 0) left.set(text, left.get(text) - 1);
    else lost++;
  }
  return lost;
}

/** Module-level functions the output adds, as text without their own name and whitespace. */
function addedTopLevelFunctions(before, after) {
  const declaredBefore = new Set(
    before.ast.program.body.filter((node) => node.type === 'FunctionDeclaration' && node.id).map((node) => node.id.name),
  );
  return after.ast.program.body
    .filter((node) => node.type === 'FunctionDeclaration' && node.id && !declaredBefore.has(node.id.name))
    .map((node) => sourceOf(after, node.body) + sourceOf(after, { start: node.params[0] ? node.params[0].start : node.body.start, end: node.body.start }));
}

const increase = (measure) => (before, after) => Math.max(0, measure(after) - measure(before));

const NOISE = [
  {
    id: 'commentsLost',
    header: 'comments lost',
    doc: 'comments of the input missing from the output: the multiset of comment texts (indentation of each line ignored) per changed file',
    file: commentsLost,
  },
  {
    id: 'punctuationLines',
    header: 'punct-only lines',
    doc: 'output lines whose code tokens (a whitespace- and semicolon-insensitive token diff) all come unchanged from whole input lines, yet whose text differs by more than indentation (semicolons, quotes, spacing), plus blank lines added or removed, or that lost or gained their whitespace, between two tokens that stayed adjacent; lines only re-indented because they moved do not count, nor a `};` of a function expression that is now a `}` ending a function declaration',
    file: punctuationOnlyLines,
  },
  {
    id: 'numberedNames',
    header: 'numbered names',
    doc: 'names new in the output that are another name of the output plus a number (done2, err3)',
    file: numberedNames,
  },
  {
    id: 'helperCopies',
    header: 'helper copies',
    doc: 'module-level functions the run added to more than one file of the package with the same text (each copy after the first counts)',
    pkg(changes) {
      const files = new Map();
      for (const change of changes) for (const text of new Set(change.addedFunctions)) files.set(text, (files.get(text) || 0) + 1);
      return [...files.values()].reduce((sum, count) => sum + count - 1, 0);
    },
  },
  {
    id: 'helperModules',
    header: 'helper modules',
    doc: 'files the run created in the package (at most one: the package helper module)',
    pkg: (changes) => changes.filter((change) => change.created).length,
  },
  {
    id: 'noOpAssignments',
    header: 'no-op assigns',
    doc: 'assignments whose two sides are the same text (cb = cb, [a, b] = [a, b]) that the output adds',
    file: increase(noOpAssignments),
  },
  {
    id: 'iifesWithoutAwait',
    header: 'IIFEs w/o await',
    doc: 'async IIFEs standing as a statement (their promise dropped, `void` or not) whose body awaits nothing outside nested functions, more than in the input; one whose promise is awaited or returned keeps an async function\'s timing and does not count',
    file: increase(iifesWithoutAwait),
  },
  {
    id: 'unusedDestructured',
    header: 'unused destructured',
    doc: 'names bound by a destructuring declaration that appear nowhere else in their function, more than in the input',
    file: increase(unusedDestructured),
  },
  {
    id: 'unusedCallbackParams',
    header: 'async fns w/ unused cb',
    doc: 'async functions whose last parameter is named as a callback (cb, callback, done, next) and is not used in their body, more than in the input',
    file: increase(asyncUnusedCallbackParams),
  },
];

/** The package's habits: what most of its changed files do, where they agree. */
function packageHabits(changes) {
  const habits = changes.filter((change) => change.habits).map((change) => change.habits);
  const vote = (key) => {
    const counts = {};
    for (const habit of habits) if (habit[key] !== undefined) counts[JSON.stringify(habit[key])] = (counts[JSON.stringify(habit[key])] || 0) + 1;
    const sorted = Object.entries(counts).sort((x, y) => y[1] - x[1]);
    return sorted.length === 0 || (sorted[1] && sorted[1][1] === sorted[0][1]) ? undefined : JSON.parse(sorted[0][0]);
  };
  return { semicolons: vote('semicolons'), quote: vote('quote'), named: vote('named'), anonymous: vote('anonymous'), varOnly: false };
}

NOISE.push({
  id: 'styleLines',
  header: 'off-style lines',
  doc: "lines of new code in another style than the file's where the file is consistent (one way at least 4 times as often): a statement ending with `;` in a semicolon-free file, a string in the other quote, another space before a function's `(`, `const`/`let` in a file that only writes `var`; in a file the run created (the helper module), semicolons, quotes and spaces against what most of the package's changed files do",
  pkg(changes) {
    let count = 0;
    for (const change of changes) count += change.created ? styleLines(packageHabits(changes), undefined, change.parsed) : change.styleLines;
    return count;
  },
});

const NOISE_IDS = NOISE.map((metric) => metric.id);

const zeroNoise = () => Object.fromEntries(NOISE_IDS.map((id) => [id, 0]));

function parsed(text, filename) {
  return { text, ast: parseSource(text, filename, { tokens: true }) };
}

/**
 * The noise of one package: files maps a path to { before, after } texts (before undefined for
 * a file the run created). Returns { counts, files: { path: counts } } for the changed files;
 * a file that does not parse is left out (the benchmark reports it as a problem on its own).
 */
function measureNoise(files) {
  const counts = zeroNoise();
  const perFile = {};
  const changes = [];
  for (const [file, { before, after }] of Object.entries(files)) {
    if (before === after || after === undefined) continue;
    let beforeFile;
    let afterFile;
    try {
      afterFile = parsed(after, file);
      beforeFile = before === undefined ? undefined : parsed(before, file);
    } catch {
      continue;
    }
    if (beforeFile === undefined) {
      changes.push({ file, created: true, addedFunctions: [], parsed: afterFile });
      continue;
    }
    const fileCounts = zeroNoise();
    for (const metric of NOISE) if (metric.file) fileCounts[metric.id] = metric.file(beforeFile, afterFile);
    const habits = habitsOf(beforeFile);
    fileCounts.styleLines = styleLines(habits, beforeFile, afterFile);
    for (const id of NOISE_IDS) if (id !== 'styleLines') counts[id] += fileCounts[id];
    perFile[file] = fileCounts;
    changes.push({ file, created: false, addedFunctions: addedTopLevelFunctions(beforeFile, afterFile), habits, styleLines: fileCounts.styleLines });
  }
  for (const metric of NOISE) if (metric.pkg) counts[metric.id] += metric.pkg(changes);
  return { counts, files: perFile };
}

module.exports = { NOISE, NOISE_IDS, measureNoise, zeroNoise };
