import type { SourceParser } from './parse';
import { fileHabits, functionGap, isFunctionNode, isLoop, statementEndsOf, statementLists, TERMINATED, walkNodes, type FileHabits } from './file-habits';
import { applyEdits, matchTokens, parseText, type Edit, type ParsedText } from './token-match';

/**
 * New code follows the file's habits: recast prints its own way (semicolons, `const`,
 * `function name(`, `{\n  promisify\n}`), so each pass here finds the code awaitify wrote (tokens
 * the original lacks) and respells it as the file would. Code that came from the original is
 * never touched. A pass that changed the text has the next one parse it again.
 */
export function styleNewCode(original: ParsedText | undefined, text: string, parser: SourceParser, habits: FileHabits): string {
  return styleNewCodeParsed(original, text, parser, habits).text;
}

/**
 * styleNewCode, given the parse of `text` where the caller has one (`known`, used when its text is
 * the same), and handing back the parse of the text it returns when it made one. The passes only
 * read a parse, and the same text parses to the same tree, so a text no pass changed is parsed once.
 */
export function styleNewCodeParsed(original: ParsedText | undefined, text: string, parser: SourceParser, habits: FileHabits, known?: ParsedText): { text: string; parsed?: ParsedText } {
  let current = text;
  let parsed = known?.text === text ? known : undefined;
  for (const pass of [gluedStatementEdits, strandedCommentEdits, blankLineEdits, shortPatternEdits, oneLineIfEdits, functionGapEdits, varEdits, semicolonEdits]) {
    if (parsed?.text !== current) {
      try {
        parsed = parseText(current, parser);
      } catch {
        return { text: current };
      }
    }
    const matched = original ? matchTokens(original, parsed) : new Map<number, number>();
    const edits = pass({ original, current: parsed, matched, habits });
    if (edits.length > 0) current = applyEdits(current, edits);
  }
  return { text: current, ...(parsed?.text === current && { parsed }) };
}

export { fileHabits };

interface PassInput {
  original: ParsedText | undefined;
  current: ParsedText;
  /** Current token index → original token index, for the tokens that came through. */
  matched: Map<number, number>;
  habits: FileHabits;
}

/** Index of the code token that starts at or after `offset`. */
function tokenAt(file: ParsedText, offset: number): number {
  let low = 0;
  let high = file.tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (file.tokens[middle].start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Index of the last code token that ends at or before `offset`. */
function tokenBefore(file: ParsedText, offset: number): number {
  return tokenAt(file, offset) - 1;
}

const isNew = (input: PassInput, index: number): boolean => index >= 0 && index < input.current.tokens.length && !input.matched.has(index);

/** `const {\n  promisify\n} = require('util')`: a new pattern of plain names goes on one line, `{ promisify }`. */
function shortPatternEdits(input: PassInput): Edit[] {
  const { current } = input;
  const edits: Edit[] = [];
  walkNodes(current.ast.program, (node) => {
    if (node.type !== 'ObjectPattern' || node.loc.start.line === node.loc.end.line || node.typeAnnotation) return;
    // Some token of it is new (the token diff may match its braces to removed ones).
    let anyNew = false;
    for (let index = tokenAt(current, node.start); index < current.tokens.length && current.tokens[index].end <= node.end; index++) anyNew ||= isNew(input, index);
    if (!anyNew) return;
    const names: string[] = [];
    for (const property of node.properties) {
      if (property.type === 'ObjectProperty' && property.shorthand && property.value.type === 'Identifier') names.push(property.value.name);
      else if (property.type === 'RestElement' && property.argument.type === 'Identifier') names.push(`...${property.argument.name}`);
      else return;
    }
    if ((current.ast.comments ?? []).some((comment: any) => comment.start > node.start && comment.end < node.end)) return;
    const text = `{ ${names.join(', ')} }`;
    const lineStart = current.text.lastIndexOf('\n', node.start - 1) + 1;
    const lineEnd = current.text.indexOf('\n', node.end);
    if (node.start - lineStart + text.length + (lineEnd < 0 ? current.text.length : lineEnd) - node.end > 100) return;
    edits.push({ start: node.start, end: node.end, text });
  });
  return edits;
}

/**
 * A comment that sat above a statement awaitify removed (`// console.error(…)` above `if (er)
 * return …` in fstream) can be left last in a new block, against its `}`, at its old
 * indentation: it goes above the statement before it, at that statement's indentation.
 */
function strandedCommentEdits(input: PassInput): Edit[] {
  const { current } = input;
  if (!input.original) return [];
  const text = current.text;
  const comments: any[] = current.ast.comments ?? [];
  const edits: Edit[] = [];
  comments.forEach((comment, index) => {
    const lineStart = text.lastIndexOf('\n', comment.start - 1) + 1;
    const lineEnd = text.indexOf('\n', comment.end);
    if (!/^[ \t]*$/.test(text.slice(lineStart, comment.start)) || lineEnd < 0 || !/^[ \t\r]*$/.test(text.slice(comment.end, lineEnd))) return;
    const next = tokenAt(current, comment.end);
    if (next >= current.tokens.length || text[current.tokens[next].start] !== '}' || !isNew(input, next)) return;
    if ((comments[index + 1] && comments[index + 1].start < current.tokens[next].start) || (comments[index - 1] && comments[index - 1].end > current.tokens[next - 1]?.end)) return;
    let block: any;
    walkNodes(current.ast.program, (node) => {
      if (node.type === 'BlockStatement' && node.start < comment.start && node.end > comment.end) block = node;
    });
    const statement = block?.body.filter((candidate: any) => candidate.end <= comment.start).pop();
    if (!statement) return;
    const statementLine = text.lastIndexOf('\n', statement.start - 1) + 1;
    const indent = /^[ \t]*/.exec(text.slice(statementLine))![0];
    if (text.slice(statementLine, statement.start) !== indent) return;
    edits.push({ start: lineStart, end: lineEnd + 1, text: '' });
    edits.push({ start: statementLine, end: statementLine, text: `${indent}${text.slice(comment.start, comment.end)}\n` });
  });
  return edits;
}

/**
 * recast surrounds a new statement of several lines with blank lines (`let stats\n\ntry {`,
 * `}\n\ncopyDir(dir)`): inside functions of a file that seldom does so, the blank line goes,
 * wherever one side of it is new code. Blank lines between code that came through stay.
 */
function blankLineEdits(input: PassInput): Edit[] {
  const { current, habits } = input;
  if (habits.blankLinesAroundBlocks || !input.original) return [];
  const edits: Edit[] = [];
  walkNodes(current.ast.program, (node) => {
    if (node.type !== 'BlockStatement') return;
    node.body.forEach((statement: any, index: number) => {
      const next = node.body[index + 1];
      if (!next) return;
      const gap = current.text.slice(statement.end, next.start);
      if (!/^\s*$/.test(gap) || !/\n[ \t]*\r?\n/.test(gap)) return;
      if (!isNew(input, tokenBefore(current, statement.end)) && !isNew(input, tokenAt(current, next.start))) return;
      // A side that came through had this blank line in the original (before a replaced statement, after one): it stays.
      const original = input.original!;
      const blankBetween = (from: number, to: number): boolean =>
        from >= 0 && to < original.tokens.length && /\n[ \t]*\r?\n/.test(original.text.slice(original.tokens[from].end, original.tokens[to].start));
      const [from, to] = [input.matched.get(tokenBefore(current, statement.end)), input.matched.get(tokenAt(current, next.start))];
      if ((from !== undefined && blankBetween(from, from + 1)) || (to !== undefined && blankBetween(to - 1, to))) return;
      const lineEnd = gap.indexOf('\n');
      const lastLine = gap.lastIndexOf('\n');
      edits.push({ start: statement.end + lineEnd, end: statement.end + lastLine, text: '' });
    });
  });
  return edits;
}

/**
 * `if (er)\n  throw er` printed on two lines: on one, as the file writes its ifs without braces
 * (when it writes them on one line at least as often), if the branch is one short line.
 */
function oneLineIfEdits(input: PassInput): Edit[] {
  const { current, habits } = input;
  if (!habits.oneLineIfs) return [];
  const edits: Edit[] = [];
  walkNodes(current.ast.program, (node) => {
    // With an else too: `if (c) return` then `else …` on the next line, as such files write it.
    if (node.type !== 'IfStatement' || node.consequent.type === 'BlockStatement') return;
    const { consequent } = node;
    if (consequent.loc.start.line === node.loc.start.line || consequent.loc.start.line !== consequent.loc.end.line) return;
    if (!isNew(input, tokenAt(current, node.start)) && !isNew(input, tokenAt(current, consequent.start))) return;
    const close = current.text.lastIndexOf(')', consequent.start);
    if (!/^\s*$/.test(current.text.slice(close + 1, consequent.start))) return; // a comment between
    const lineStart = current.text.lastIndexOf('\n', node.start - 1) + 1;
    const consequentEnd = current.text.indexOf('\n', consequent.end);
    const joined = close + 2 - lineStart + (consequentEnd < 0 ? current.text.length : consequentEnd) - consequent.start;
    if (joined > 100) return;
    edits.push({ start: close + 1, end: consequent.start, text: ' ' });
  });
  return edits;
}

/** `async function fail(err)` in a file that writes `function fail (err)`: the file's gap before the parenthesis. */
function functionGapEdits(input: PassInput): Edit[] {
  const { current, habits, matched, original } = input;
  const edits: Edit[] = [];
  walkNodes(current.ast.program, (node) => {
    const found = functionGap(node, current.text);
    if (!found) return;
    const wanted = found.named ? habits.namedFunctionGap : habits.anonymousFunctionGap;
    if (wanted === undefined || wanted === found.gap) return;
    // Both sides came through next to each other with this gap: the original's own spelling.
    const left = tokenBefore(current, found.start);
    const right = tokenAt(current, found.start);
    const [from, to] = [matched.get(left), matched.get(right)];
    if (original && from !== undefined && to === from + 1 && original.text.slice(original.tokens[from].end, original.tokens[to].start) === found.gap) return;
    edits.push({ start: found.start, end: found.start + found.gap.length, text: wanted });
  });
  return edits;
}

/** Names a declaration binds. */
function boundNames(pattern: any, names: string[] = []): string[] {
  if (!pattern) return names;
  if (pattern.type === 'Identifier') names.push(pattern.name);
  else if (pattern.type === 'ObjectPattern') for (const property of pattern.properties) boundNames(property.type === 'RestElement' ? property.argument : property.value, names);
  else if (pattern.type === 'ArrayPattern') for (const element of pattern.elements) boundNames(element, names);
  else if (pattern.type === 'RestElement') boundNames(pattern.argument, names);
  else if (pattern.type === 'AssignmentPattern') boundNames(pattern.left, names);
  return names;
}

/**
 * A new `const`/`let` in a file that only writes `var` becomes `var` where that means the same:
 * directly in a function's or the program's block or a block outside any loop of its function,
 * and every use of its names in that function is inside the block (so hoisting to the function
 * cannot capture another variable).
 */
function varEdits(input: PassInput): Edit[] {
  const { current, habits } = input;
  if (!habits.varOnly) return [];
  const edits: Edit[] = [];
  const identifiers: any[] = [];
  walkNodes(current.ast.program, (node) => {
    if (node.type === 'Identifier') identifiers.push(node);
  });
  walkNodes(current.ast.program, (node, ancestors) => {
    if (node.type !== 'VariableDeclaration' || node.kind === 'var' || node.declare) return;
    if (!isNew(input, tokenAt(current, node.start))) return;
    const block = ancestors[ancestors.length - 1];
    if (block?.type !== 'BlockStatement' && block?.type !== 'Program') return;
    let scope = current.ast.program;
    for (let i = ancestors.length - 1; i >= 0; i--) {
      if (isFunctionNode(ancestors[i])) {
        scope = ancestors[i];
        break;
      }
      if (isLoop(ancestors[i]) || ancestors[i].type === 'SwitchStatement') return;
    }
    const names = new Set(node.declarations.flatMap((declarator: any) => boundNames(declarator.id)));
    const outside = identifiers.some((identifier) => names.has(identifier.name) && identifier.start >= scope.start && identifier.end <= scope.end && (identifier.start < block.start || identifier.end > block.end));
    if (outside) return;
    edits.push({ start: node.start, end: node.start + node.kind.length, text: 'var' });
  });
  return edits;
}

const ASI_HAZARD = /^[([`+\-/]/;

/** Whether a statement, once the semicolons at `dropped` are gone, ends so that a next line starting with `(` would continue it. */
function endsOpen(node: any, text: string, dropped: Set<number>): boolean {
  if (node.type === 'IfStatement') return endsOpen(node.alternate ?? node.consequent, text, dropped);
  if (['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'LabeledStatement', 'WithStatement'].includes(node.type)) return endsOpen(node.body, text, dropped);
  if (!TERMINATED.has(node.type) || node.type === 'DoWhileStatement') return false;
  return text[node.end - 1] !== ';' || dropped.has(node.end - 1);
}

/**
 * In a semicolon-free file, the semicolons of new statements go (those the original had stay,
 * and one followed by more code on its line), and a `;` guards a statement that starts with `(`,
 * `[`, `` ` ``, `+`, `-` or `/` after one that now ends open.
 */
function semicolonEdits(input: PassInput): Edit[] {
  const { current, habits, original, matched } = input;
  if (habits.semicolons !== false) return [];
  const text = current.text;
  const followedBySemicolon = new Set<number>();
  if (original) {
    // A guard on the next line (`})\n;[a].map(…)`) is no semicolon of the statement.
    const all = original.ast.tokens as Array<{ type: any; start: number; end: number; loc: { start: { line: number }; end: { line: number } } }>;
    all.forEach((token, index) => {
      if (index === 0 || typeof token.type === 'string' || token.type.label !== ';') return;
      if (all[index - 1].loc.end.line === token.loc.start.line) followedBySemicolon.add(all[index - 1].end);
    });
  }
  const dropped = new Set<number>();
  for (const end of statementEndsOf(current.ast, text)) {
    if (end.semicolon === undefined || end.guard || end.node.type === 'DoWhileStatement') continue;
    if (!/^[ \t]*(\/\/[^\n]*)?(\r?\n|$)/.test(text.slice(end.semicolon + 1))) continue;
    const last = tokenBefore(current, end.semicolon);
    const source = matched.get(last);
    if (original && source !== undefined && followedBySemicolon.has(original.tokens[source].end)) continue;
    dropped.add(end.semicolon);
  }
  const edits: Edit[] = [...dropped].map((offset) => ({ start: offset, end: offset + 1, text: '' }));
  for (const list of statementLists(current.ast)) {
    list.forEach((statement, index) => {
      if (index === 0 || !ASI_HAZARD.test(text.slice(statement.start, statement.start + 1))) return;
      if (endsOpen(list[index - 1], text, dropped)) edits.push({ start: statement.start, end: statement.start, text: ';' });
    });
  }
  return edits;
}

/**
 * recast prints a new statement right against the next one (`})();[a].map(…)`,
 * `…require('./awaitify-helpers.js');var Stream`, `}// a comment`): a line break goes there,
 * unless the original had both on one line.
 */
function gluedStatementEdits(input: PassInput): Edit[] {
  const { current, matched, original } = input;
  if (!original) return [];
  const text = current.text;
  const edits: Edit[] = [];
  for (const list of statementLists(current.ast)) {
    list.slice(0, -1).forEach((statement, index) => {
      const next = list[index + 1];
      if (next.type === 'EmptyStatement') return; // `function f () {};`
      if (/\n\s*;$/.test(text.slice(statement.start, statement.end))) return; // `;[a].map(…)`: the guard of the next line
      const gluedComment = statement.loc.start.line !== statement.loc.end.line && /^\/[/*]/.test(text.slice(statement.end, statement.end + 2));
      if (!gluedComment && /\n/.test(text.slice(statement.end, next.start))) return;
      // Both sides came through and sat on one line in the original (`a(); b()`): its own spelling.
      const [from, to] = [matched.get(tokenBefore(current, statement.end)), matched.get(tokenAt(current, next.start))];
      if (!gluedComment && from !== undefined && to !== undefined && original!.tokens[from].loc.end.line === original!.tokens[to].loc.start.line) return;
      const lineStart = text.lastIndexOf('\n', statement.start - 1) + 1;
      const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
      const gapEnd = statement.end + /^[ \t]*/.exec(text.slice(statement.end))![0].length;
      edits.push({ start: statement.end, end: gapEnd, text: `${text.includes('\r\n') ? '\r\n' : '\n'}${indent}` });
    });
  }
  return edits;
}
