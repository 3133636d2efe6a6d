import type { SourceParser } from './parse';
import { fileHabits, styleNewCodeParsed } from './new-code-style';
import { applyEdits, lineBreaks, lineContent, matchTokens, parseText, tokensByLine, type Edit, type ParsedText } from './token-match';

/**
 * The printer's post-pass: recast reprints more than awaitify changed (a semicolon after a
 * directive, a blank line after a new `try`, `})` becoming `});`) and has no option for files
 * written without semicolons. Here the printed text is compared with the original, token by
 * token (whitespace and semicolons aside), and wherever code came through unchanged its
 * original spelling comes back: its lines' text, the blank lines between its tokens. Then the
 * new code follows the file's habits (new-code-style.ts): no semicolons in a semicolon-free
 * file, `var` in a `var` file, its space before a function's parentheses. A result that does
 * not parse to the same tree (declaration kinds aside) is dropped.
 */
export function restoreFileStyle(original: string, printed: string, parser: SourceParser): string {
  return restoreFileStyleChecked(original, printed, parser).text;
}

/** restoreFileStyle, saying whether the text it returns was parsed here (so that a caller need not parse it again). */
export function restoreFileStyleChecked(original: string, printed: string, parser: SourceParser): { text: string; parses: boolean } {
  if (original === printed) return { text: printed, parses: false };
  let before: ParsedText;
  let after: ParsedText;
  try {
    before = parseText(original, parser);
    after = parseText(printed, parser);
  } catch {
    return { text: printed, parses: false };
  }
  const restored = lineEdits(before, after);
  const edits = [...restored, ...blankLineEdits(before, after), ...lostCommentEdits(before, after), ...importBlockEdits(before, after)];
  const styled = styleNewCodeParsed(before, applyEdits(printed, edits), parser, fileHabits(before.ast, before.text), after);
  const text = styled.text;
  if (text === printed) return { text, parses: true };
  // Line breaks, blank lines, comments, spacing and quotes keep the tree as it is, and `var`
  // for `const` is checked where it is made; a semicolon added or dropped could change it (ASI).
  // The last pass's parse of this very text, when it made one, is that tree.
  try {
    return { text: sameFingerprint(styled.parsed?.ast ?? parser.parse(text), after.ast) ? text : printed, parses: true };
  } catch {
    return { text: printed, parses: true };
  }
}

/**
 * A printed line whose code tokens are exactly those of one original line, with the same
 * comments, gets that line's text back (its own indentation kept: moved code is re-indented).
 */
function lineEdits(before: ParsedText, after: ParsedText): Edit[] {
  const matched = matchTokens(before, after);
  const beforeByLine = tokensByLine(before.tokens);
  const edits: Edit[] = [];
  for (const [line, indexes] of tokensByLine(after.tokens)) {
    if (!indexes.every((index) => matched.has(index) && after.tokens[index].loc.end.line === line)) continue;
    const sources = indexes.map((index) => matched.get(index)!);
    const sourceLine = before.tokens[sources[0]].loc.start.line;
    const sourceIndexes = beforeByLine.get(sourceLine)!;
    if (sourceIndexes.length !== sources.length || !sourceIndexes.every((index, i) => index === sources[i])) continue;
    if (sourceIndexes.some((index) => before.tokens[index].loc.end.line !== sourceLine)) continue;
    if ((before.commentsByLine.get(sourceLine) ?? '') !== (after.commentsByLine.get(line) ?? '')) continue;
    const from = lineContent(before, sourceLine);
    const to = lineContent(after, line);
    let text = before.text.slice(from.start, from.end);
    // `};` of a function expression that is now a declaration: the `;` would be a new empty statement.
    const becameDeclaration =
      declarationEnds(after).has(after.tokens[indexes[indexes.length - 1]].end) && !declarationEnds(before).has(before.tokens[sourceIndexes[sourceIndexes.length - 1]].end);
    if (becameDeclaration) text = text.replace(/;(\s*)$/, '$1');
    if (text !== after.text.slice(to.start, to.end)) edits.push({ ...to, text });
  }
  return edits;
}

const declarationEndsCache = new WeakMap<ParsedText, Set<number>>();
/** Where the function and class declarations of the file end. */
function declarationEnds(file: ParsedText): Set<number> {
  const cached = declarationEndsCache.get(file);
  if (cached) return cached;
  const ends = new Set<number>();
  const visit = (node: any): void => {
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration') ends.add(node.end);
    for (const key of Object.keys(node)) if (!SKIPPED_KEYS.has(key)) forEachItem(node[key], visit);
  };
  visit(file.ast.program);
  declarationEndsCache.set(file, ends);
  return ends;
}

/**
 * Where two tokens that stayed next to each other have other line breaks between them: the
 * original's. The same semicolons between them: the original gap itself, re-indented as the
 * printed statement moved (recast joins a declarator list it reprints onto one line, nedb's
 * comma-first `var a = 1\n  , b = 2\n  ;`). Else the original number of line breaks.
 */
function blankLineEdits(before: ParsedText, after: ParsedText): Edit[] {
  const matched = matchTokens(before, after);
  const edits: Edit[] = [];
  for (let i = 0; i + 1 < after.tokens.length; i++) {
    const b = matched.get(i);
    if (b === undefined || matched.get(i + 1) !== b + 1) continue;
    const gap = originalGapEdit(before, after, i, b);
    if (gap) {
      if (gap.text !== after.text.slice(gap.start, gap.end)) edits.push(gap);
      continue;
    }
    const was = lineBreaks(before.text, before.tokens[b].end, before.tokens[b + 1].start);
    const now = lineBreaks(after.text, after.tokens[i].end, after.tokens[i + 1].start);
    if (!was || !now || was.count === now.count) continue;
    const terminator = after.text.slice(now.start, now.end).includes('\r\n') ? '\r\n' : '\n';
    edits.push({ start: now.start, end: now.end, text: terminator.repeat(was.count) });
  }
  return edits;
}

const semicolons = (gap: string): number => (gap.match(/;/g) ?? []).length;
const indentOf = (file: ParsedText, line: number): string => file.text.slice(file.lineStarts[line - 1], lineContent(file, line).start);

/**
 * The original gap (line breaks, semicolons, indentation) between printed tokens i and i + 1,
 * when both gaps hold only whitespace and the same semicolons and the original breaks the line.
 * A gap the printer put on one line is restored only where the rest of the line is unchanged
 * code in its original order: a line with new code after it is laid out by the printer and the
 * habits pass. Indentation moves by as much as the enclosing statement moved.
 */
function originalGapEdit(before: ParsedText, after: ParsedText, i: number, b: number): Edit | undefined {
  const matched = matchTokens(before, after);
  const [from, to] = [after.tokens[i].end, after.tokens[i + 1].start];
  const was = before.text.slice(before.tokens[b].end, before.tokens[b + 1].start);
  const now = after.text.slice(from, to);
  if (!/^[\s;]*$/.test(was) || !/^[\s;]*$/.test(now) || !was.includes('\n') || semicolons(was) !== semicolons(now)) return undefined;
  const line = after.tokens[i].loc.end.line;
  if (!now.includes('\n')) {
    if ((after.commentsByLine.get(line) ?? '') !== '') return undefined;
    for (let k = i + 1; k < after.tokens.length && after.tokens[k].loc.start.line === line; k++) {
      if (matched.get(k) !== b + (k - i)) return undefined;
    }
  }
  const printedStatement = statementAt(after.ast.program, after.tokens[i].start);
  const originalStatement = statementAt(before.ast.program, before.tokens[b].start);
  if (!printedStatement || !originalStatement) return undefined;
  const printedBase = indentOf(after, printedStatement.loc.start.line);
  const originalBase = indentOf(before, originalStatement.loc.start.line);
  const pieces = was.split('\n');
  const moved: string[] = [pieces[0]];
  for (const [n, piece] of pieces.slice(1).entries()) {
    const indent = piece.match(/^[ \t]*/)![0];
    if (piece === indent && n < pieces.length - 2) {
      // A blank line keeps the whitespace it had (a file's trailing spaces are not the diff's business), moved as its code moved.
      moved.push(piece === '' || !indent.startsWith(originalBase) ? '' : printedBase + piece.slice(originalBase.length));
      continue;
    }
    if (!indent.startsWith(originalBase)) return undefined;
    moved.push(printedBase + piece.slice(originalBase.length));
  }
  // Where the printer broke the line too, the code that follows keeps the indentation it placed.
  if (now.includes('\n')) moved[moved.length - 1] = now.slice(now.lastIndexOf('\n') + 1);
  const terminator = after.text.includes('\r\n') ? '\r\n' : '\n';
  return { start: from, end: to, text: moved.join('\n').replace(/\r?\n/g, terminator) };
}

/** The innermost statement (or declaration) whose range holds the offset. */
function statementAt(node: any, offset: number): any {
  let found: any;
  let current = node;
  while (current) {
    if (/Statement$|Declaration$/.test(current.type)) found = current;
    let next: any;
    for (const key of Object.keys(current)) {
      if (SKIPPED_KEYS.has(key)) continue;
      forEachItem(current[key], (child) => {
        if (child && typeof child.type === 'string' && child.start <= offset && offset < child.end) next = child;
      });
    }
    current = next;
  }
  return found;
}

/** The items of an array, or the value itself: `[value].flat()` without the arrays (these walks visit every node of a file). */
function forEachItem(value: any, each: (item: any) => void): void {
  if (Array.isArray(value)) for (const item of value) each(item);
  else each(value);
}

const DIRECTIVE_COMMENT = /^\s*(eslint-disable-next-line|@ts-ignore|@ts-expect-error|istanbul ignore|c8 ignore|prettier-ignore|awaitify-ignore-next-line)/;

/**
 * A comment of the original that the printed text lacks (recast drops the comments of a node it
 * removes, such as the `if (err)` of a callback that disappears) goes back above the first code
 * that followed it and survived, or at the end of the line of the code it trailed.
 */
function lostCommentEdits(before: ParsedText, after: ParsedText): Edit[] {
  const left = new Map<string, number>();
  const key = (comment: any) => `${comment.type}\u0000${comment.value.split(/\r?\n/).map((line: string) => line.trim()).join('\n')}`;
  for (const comment of after.ast.comments ?? []) left.set(key(comment), (left.get(key(comment)) ?? 0) + 1);
  const matched = matchTokens(before, after);
  const afterIndexOf = new Map<number, number>();
  for (const [a, b] of matched) afterIndexOf.set(b, a);
  const above = new Map<number, string[]>();
  const trailing = new Map<number, string[]>();
  for (const comment of before.ast.comments ?? []) {
    const count = left.get(key(comment)) ?? 0;
    if (count > 0) {
      left.set(key(comment), count - 1);
      continue;
    }
    const text = before.text.slice(comment.start, comment.end);
    let previous = before.tokens.findIndex((token) => token.end > comment.start) - 1;
    if (previous === -2) previous = before.tokens.length - 1;
    const trails = previous >= 0 && before.tokens[previous].loc.end.line === comment.loc.start.line && comment.type === 'CommentLine';
    if (trails && afterIndexOf.has(previous)) {
      const line = after.tokens[afterIndexOf.get(previous)!].loc.end.line;
      trailing.set(line, [...(trailing.get(line) ?? []), text]);
      continue;
    }
    let next = before.tokens.findIndex((token) => token.start >= comment.end);
    // A directive whose line is gone (`// eslint-disable-next-line` above a removed `if (err)`) would target another line.
    if (DIRECTIVE_COMMENT.test(comment.value) && next >= 0 && !afterIndexOf.has(next)) continue;
    while (next >= 0 && next < before.tokens.length && !afterIndexOf.has(next)) next++;
    if (next < 0 || next >= before.tokens.length) continue;
    const line = after.tokens[afterIndexOf.get(next)!].loc.start.line;
    above.set(line, [...(above.get(line) ?? []), text]);
  }
  const edits: Edit[] = [];
  for (const [line, texts] of above) {
    const { start } = lineContent(after, line);
    const indent = after.text.slice(after.lineStarts[line - 1], start);
    const terminator = after.text.includes('\r\n') ? '\r\n' : '\n';
    edits.push({ start, end: start, text: texts.map((text) => `${text}${terminator}${indent}`).join('') });
  }
  for (const [line, texts] of trailing) {
    const { end } = lineContent(after, line);
    if ((after.commentsByLine.get(line) ?? '') !== '') continue;
    edits.push({ start: end, end, text: ` ${texts.join(' ')}` });
  }
  return edits;
}

const isRequireCall = (node: any): boolean => node?.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require';
const isImportLike = (statement: any): boolean =>
  statement.type === 'ImportDeclaration' || (statement.type === 'VariableDeclaration' && statement.declarations.every((declarator: any) => isRequireCall(declarator.init)));

/** A require or import awaitify adds joins the file's block of them: no blank line between them, as a person adds a line to the list. */
function importBlockEdits(before: ParsedText, after: ParsedText): Edit[] {
  const matched = matchTokens(before, after);
  // Its first token is new (`const fsp = require(…)`: the token diff may match its `require(…)` to a removed one).
  const isNew = (statement: any): boolean => {
    const first = after.tokens.findIndex((token) => token.start >= statement.start);
    return first >= 0 && !matched.has(first);
  };
  const body: any[] = after.ast.program.body;
  const edits: Edit[] = [];
  for (let i = 1; i < body.length; i++) {
    const [previous, statement] = [body[i - 1], body[i]];
    if (!isImportLike(previous) || !isImportLike(statement) || (!isNew(previous) && !isNew(statement))) continue;
    if ((statement.leadingComments ?? []).length > 0 || (previous.trailingComments ?? []).length > 0) continue;
    const breaks = lineBreaks(after.text, previous.end, statement.start);
    if (breaks && breaks.count > 1) edits.push({ start: breaks.start, end: breaks.end, text: after.text.slice(breaks.start, breaks.end).includes('\r\n') ? '\r\n' : '\n' });
  }
  return edits;
}

const SKIPPED_KEYS = new Set(['loc', 'start', 'end', 'range', 'extra', 'tokens', 'comments', 'leadingComments', 'trailingComments', 'innerComments', 'errors']);

/** The tree's shape and names, positions and empty statements aside: two texts with the same fingerprint mean the same. */
function fingerprint(ast: any): string {
  const parts: string[] = [];
  const visit = (node: any): void => {
    if (node === null || typeof node !== 'object') {
      parts.push(String(node));
      return;
    }
    if (Array.isArray(node)) {
      parts.push('[');
      node.filter((item) => item?.type !== 'EmptyStatement').forEach(visit);
      parts.push(']');
      return;
    }
    for (const key of Object.keys(node).sort()) {
      if (SKIPPED_KEYS.has(key) || (key === 'kind' && node.type === 'VariableDeclaration')) continue;
      parts.push(key);
      visit(node[key]);
    }
  };
  visit(ast.program);
  return parts.join(' ');
}

/**
 * fingerprint(a) === fingerprint(b), without building either string in the usual case: trees that
 * match part for part (the same keys, the same values) give the same parts, so the same string.
 * Where they do not, the strings themselves decide (different parts can still join to one string).
 */
function sameFingerprint(a: any, b: any): boolean {
  return sameParts(a.program, b.program) || fingerprint(a) === fingerprint(b);
}

/** The keys fingerprint reads of a node, sorted as it sorts them. */
const fingerprintKeys = (node: any): string[] => Object.keys(node).filter((key) => !SKIPPED_KEYS.has(key) && !(key === 'kind' && node.type === 'VariableDeclaration'));

/** Whether fingerprint's visit gives the same parts for x and y (false: not known to). */
function sameParts(x: any, y: any): boolean {
  const xIsObject = x !== null && typeof x === 'object';
  const yIsObject = y !== null && typeof y === 'object';
  if (!xIsObject || !yIsObject) return !xIsObject && !yIsObject && String(x) === String(y);
  if (Array.isArray(x) || Array.isArray(y)) {
    if (!Array.isArray(x) || !Array.isArray(y)) return false;
    let i = 0;
    let k = 0;
    for (;;) {
      while (i < x.length && x[i]?.type === 'EmptyStatement') i++;
      while (k < y.length && y[k]?.type === 'EmptyStatement') k++;
      if (i === x.length || k === y.length) return i === x.length && k === y.length;
      if (!sameParts(x[i++], y[k++])) return false;
    }
  }
  let xKeys = fingerprintKeys(x);
  let yKeys = fingerprintKeys(y);
  if (xKeys.length !== yKeys.length) return false;
  // Nodes of one kind list their keys in one order; sorting (fingerprint's order) only where they do not.
  if (xKeys.some((key, i) => key !== yKeys[i])) {
    [xKeys, yKeys] = [[...xKeys].sort(), [...yKeys].sort()];
    if (xKeys.some((key, i) => key !== yKeys[i])) return false;
  }
  for (const key of xKeys) if (!sameParts(x[key], y[key])) return false;
  return true;
}

/**
 * Where an offset of the original text is in the printed one: the same place in a token that
 * came through unchanged, else the start of the code that replaced it (the first code after
 * the last unchanged token before it). Undefined when either text does not parse.
 */
export function mapOffsets(original: string, printed: string, parser: SourceParser): ((offset: number) => number) | undefined {
  let before: ParsedText;
  let after: ParsedText;
  try {
    before = parseText(original, parser);
    after = parseText(printed, parser);
  } catch {
    return undefined;
  }
  const matched = matchTokens(before, after);
  const afterIndexOf = new Map<number, number>();
  for (const [a, b] of matched) afterIndexOf.set(b, a);
  return (offset) => {
    let index = before.tokens.findIndex((token) => token.end > offset);
    if (index < 0) index = before.tokens.length;
    const token = before.tokens[index];
    if (token && token.start <= offset && afterIndexOf.has(index)) return after.tokens[afterIndexOf.get(index)!].start + (offset - token.start);
    let previous = index - 1;
    while (previous >= 0 && !afterIndexOf.has(previous)) previous--;
    const from = previous >= 0 ? after.tokens[afterIndexOf.get(previous)!].end : 0;
    const next = after.tokens.find((candidate) => candidate.start >= from);
    return next ? next.start : from;
  };
}
