import { diffArrays } from 'diff';
import type { SourceParser } from './parse';

/**
 * The printer's post-pass: recast reprints more than awaitify changed (a semicolon after a
 * directive, a blank line after a new `try`, `})` becoming `});`) and has no option for files
 * written without semicolons. Here the printed text is compared with the original, token by
 * token (whitespace and semicolons aside), and wherever code came through unchanged its
 * original spelling comes back: its lines' text, the blank lines between its tokens. Then a
 * semicolon-free file loses the semicolons of the new code, with `;` guards where a line
 * starts with `(` or `[`. A result that does not parse to the same tree is dropped.
 */
export function restoreFileStyle(original: string, printed: string, parser: SourceParser): string {
  if (original === printed) return printed;
  let before: ParsedText;
  let after: ParsedText;
  try {
    before = parseText(original, parser);
    after = parseText(printed, parser);
  } catch {
    return printed;
  }
  const restored = lineEdits(before, after);
  const edits = [...restored, ...blankLineEdits(before, after), ...lostCommentEdits(before, after), ...importBlockEdits(before, after), ...gluedStatementEdits(after)];
  let text = applyEdits(printed, edits);
  // Line breaks, blank lines, comments on lines of their own, spacing and quotes inside a line
  // keep the tree as it is; only a semicolon added or dropped can change it (ASI): check then.
  let check = restored.some((edit) => semicolons(edit.text) !== semicolons(printed.slice(edit.start, edit.end)));
  if (isSemicolonFree(before)) {
    text = dropSemicolons(text, parser);
    check = true;
  }
  if (text === printed || !check) return text;
  try {
    return fingerprint(parser.parse(text)) === fingerprint(after.ast) ? text : printed;
  } catch {
    return printed;
  }
}

const semicolons = (text: string): number => (text.match(/;/g) ?? []).length;

interface Token {
  type: { label: string } | string;
  value?: unknown;
  start: number;
  end: number;
  loc: { start: { line: number }; end: { line: number } };
}

interface ParsedText {
  text: string;
  ast: any;
  tokens: Token[];
  /** Offset where each line starts. */
  lineStarts: number[];
  /** Lines (1-based) that hold a comment, with the comments' texts. */
  commentsByLine: Map<number, string>;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function parseText(text: string, parser: SourceParser): ParsedText {
  const ast = parser.parse(text);
  const tokens = (ast.tokens as Token[]).filter((token) => typeof token.type !== 'string' && token.type.label !== ';' && token.type.label !== 'eof');
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const commentsByLine = new Map<number, string>();
  for (const comment of ast.comments ?? []) {
    for (let line = comment.loc.start.line; line <= comment.loc.end.line; line++) {
      commentsByLine.set(line, `${commentsByLine.get(line) ?? ''}\u0000${comment.value}`);
    }
  }
  return { text, ast, tokens, lineStarts, commentsByLine };
}

const label = (token: Token): string => (typeof token.type === 'string' ? token.type : token.type.label);

function tokenKey(token: Token): string {
  const value = token.value === undefined ? '' : typeof token.value === 'object' ? JSON.stringify(token.value) : String(token.value);
  return `${label(token)}\u0000${value}`;
}

/** Each line that holds code: its tokens' indexes, and a key of their texts. */
function codeLines(file: ParsedText): Array<{ key: string; tokens: number[] }> {
  const lines: Array<{ key: string; tokens: number[] }> = [];
  let line = -1;
  file.tokens.forEach((token, index) => {
    if (token.loc.start.line !== line) {
      line = token.loc.start.line;
      lines.push({ key: '', tokens: [] });
    }
    const current = lines[lines.length - 1];
    current.key += `${tokenKey(token)}\u0001`;
    current.tokens.push(index);
  });
  return lines;
}

/**
 * printed token index → original token index, for the tokens a whitespace- and
 * semicolon-insensitive diff keeps: lines first (cheap, and a moved line is one unit), then the
 * tokens of each changed stretch of lines.
 */
const matchCache = new WeakMap<ParsedText, Map<number, number>>();
function matchTokens(before: ParsedText, after: ParsedText): Map<number, number> {
  const cached = matchCache.get(after);
  if (cached) return cached;
  const matched = new Map<number, number>();
  const beforeLines = codeLines(before);
  const afterLines = codeLines(after);
  let b = 0;
  let a = 0;
  let removed: number[] = [];
  let added: number[] = [];
  const matchStretch = () => {
    if (removed.length > 0 && added.length > 0) {
      let i = 0;
      let k = 0;
      for (const part of diffArrays(removed.map((index) => tokenKey(before.tokens[index])), added.map((index) => tokenKey(after.tokens[index])))) {
        if (part.added) k += part.count ?? 0;
        else if (part.removed) i += part.count ?? 0;
        else for (let n = 0; n < (part.count ?? 0); n++) matched.set(added[k++], removed[i++]);
      }
    }
    removed = [];
    added = [];
  };
  for (const part of diffArrays(beforeLines.map((line) => line.key), afterLines.map((line) => line.key))) {
    const count = part.count ?? 0;
    if (part.removed) {
      for (let n = 0; n < count; n++) removed.push(...beforeLines[b++].tokens);
    } else if (part.added) {
      for (let n = 0; n < count; n++) added.push(...afterLines[a++].tokens);
    } else {
      matchStretch();
      for (let n = 0; n < count; n++) {
        const [from, to] = [beforeLines[b++].tokens, afterLines[a++].tokens];
        from.forEach((index, i) => matched.set(to[i], index));
      }
    }
  }
  matchStretch();
  matchCache.set(after, matched);
  return matched;
}

function tokensByLine(tokens: Token[]): Map<number, number[]> {
  const lines = new Map<number, number[]>();
  tokens.forEach((token, index) => {
    const line = token.loc.start.line;
    lines.set(line, [...(lines.get(line) ?? []), index]);
  });
  return lines;
}

/** The line's text without its indentation and line end: [start, end) offsets. */
function lineContent(file: ParsedText, line: number): { start: number; end: number } {
  const lineStart = file.lineStarts[line - 1];
  let end = line < file.lineStarts.length ? file.lineStarts[line] - 1 : file.text.length;
  if (file.text[end - 1] === '\r') end--;
  let start = lineStart;
  while (start < end && (file.text[start] === ' ' || file.text[start] === '\t')) start++;
  return { start, end };
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
    const text = before.text.slice(from.start, from.end);
    if (text !== after.text.slice(to.start, to.end)) edits.push({ ...to, text });
  }
  return edits;
}

/** Where two tokens that stayed next to each other have a different number of blank lines between them, the original number. */
function blankLineEdits(before: ParsedText, after: ParsedText): Edit[] {
  const matched = matchTokens(before, after);
  const edits: Edit[] = [];
  for (let i = 0; i + 1 < after.tokens.length; i++) {
    const b = matched.get(i);
    if (b === undefined || matched.get(i + 1) !== b + 1) continue;
    const was = lineBreaks(before.text, before.tokens[b].end, before.tokens[b + 1].start);
    const now = lineBreaks(after.text, after.tokens[i].end, after.tokens[i + 1].start);
    if (!was || !now || was.count === now.count) continue;
    const terminator = after.text.slice(now.start, now.end).includes('\r\n') ? '\r\n' : '\n';
    edits.push({ start: now.start, end: now.end, text: terminator.repeat(was.count) });
  }
  return edits;
}

/** The run of line breaks (and blank lines) in a gap of whitespace and semicolons: its offsets and how many breaks. */
function lineBreaks(text: string, from: number, to: number): { start: number; end: number; count: number } | undefined {
  const gap = text.slice(from, to);
  if (!/^[\s;]*$/.test(gap)) return undefined;
  const first = gap.search(/\r?\n/);
  if (first < 0) return undefined;
  const last = gap.lastIndexOf('\n');
  const run = gap.slice(first, last + 1);
  return { start: from + first, end: from + last + 1, count: (run.match(/\n/g) ?? []).length };
}

function applyEdits(text: string, edits: Edit[]): string {
  // From the end, so offsets hold; at one offset the replacement before the insertion.
  const sorted = [...edits].sort((x, y) => y.start - x.start || y.end - x.end);
  let result = text;
  let limit = Infinity;
  for (const edit of sorted) {
    if (edit.end > limit) continue; // overlapping edits: keep the later one only
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
    limit = edit.start;
  }
  return result;
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
  const isNew = (statement: any): boolean =>
    !after.tokens.some((token, index) => token.start >= statement.start && token.end <= statement.end && matched.has(index));
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

/**
 * recast prints a new statement right against the next one (`})();[a].map(…)`, `}var Stream`,
 * `}// a comment`) when the original had nothing between them: a line break goes there.
 */
function gluedStatementEdits(after: ParsedText): Edit[] {
  const text = after.text;
  const edits: Edit[] = [];
  for (const { list } of statementEnds(after.ast, text)) {
    for (const statement of list.slice(0, -1)) {
      if (statement.loc.start.line === statement.loc.end.line || !/^[^\s;,)]/.test(text.slice(statement.end, statement.end + 1))) continue;
      if (/\n\s*;$/.test(text.slice(statement.start, statement.end))) continue; // `;[a].map(…)`: the guard of the next line
      const lineStart = text.lastIndexOf('\n', statement.start - 1) + 1;
      const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
      edits.push({ start: statement.end, end: statement.end, text: `${text.includes('\r\n') ? '\r\n' : '\n'}${indent}` });
    }
  }
  return edits;
}

/** Statements that end with a semicolon or with nothing, where a file's style shows. */
const TERMINATED = new Set([
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

interface StatementEnd {
  node: any;
  /** Offset of its terminating semicolon, or undefined when it has none. */
  semicolon: number | undefined;
  /** The semicolon is a guard on the next line (`foo()\n;[a].map(…)`), not the style. */
  guard: boolean;
}

/** Each statement of a statement list that can end with a semicolon, with that semicolon. */
function statementEnds(ast: any, text: string): Array<{ list: any[]; ends: Map<any, StatementEnd> }> {
  const lists: Array<{ list: any[]; ends: Map<any, StatementEnd> }> = [];
  const visit = (node: any): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node.type !== 'string') return;
    const statements = [...(node.directives ?? []), ...(Array.isArray(node.body) ? node.body : []), ...(Array.isArray(node.consequent) ? node.consequent : [])];
    if (statements.length > 0 && (node.type === 'Program' || node.type === 'BlockStatement' || node.type === 'SwitchCase' || node.type === 'StaticBlock')) {
      const ends = new Map<any, StatementEnd>();
      for (const statement of statements) {
        if (!TERMINATED.has(statement.type) || (statement.type === 'ExportNamedDeclaration' && statement.declaration)) continue;
        const hasSemicolon = text[statement.end - 1] === ';';
        const guard = hasSemicolon && /\n\s*$/.test(text.slice(statement.start, statement.end - 1));
        ends.set(statement, { node: statement, semicolon: hasSemicolon ? statement.end - 1 : undefined, guard });
      }
      lists.push({ list: statements, ends });
    }
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'tokens' || key === 'comments' || key.endsWith('Comments')) continue;
      visit(node[key]);
    }
  };
  visit(ast.program);
  return lists;
}

/** No statement of the file ends with a semicolon (guards such as `;[a, b].forEach` aside), and some end without. */
function isSemicolonFree(file: ParsedText): boolean {
  let withSemicolon = 0;
  let without = 0;
  for (const { ends } of statementEnds(file.ast, file.text)) {
    for (const end of ends.values()) {
      if (end.semicolon !== undefined && !end.guard) withSemicolon++;
      else without++;
    }
  }
  return withSemicolon === 0 && without > 0;
}

const ASI_HAZARD = /^[([`+\-/]/;

/**
 * Removes the semicolons that end statements (a statement followed by another on the same line
 * keeps its own), and puts a `;` before a statement that starts with `(`, `[`, `` ` ``, `+`, `-`
 * or `/` after one that now ends without.
 */
function dropSemicolons(text: string, parser: SourceParser): string {
  let ast;
  try {
    ast = parser.parse(text);
  } catch {
    return text;
  }
  const edits: Edit[] = [];
  for (const { list, ends } of statementEnds(ast, text)) {
    let previousOpen = false;
    for (const [index, statement] of list.entries()) {
      const end = ends.get(statement);
      const next = list[index + 1];
      if (previousOpen && ASI_HAZARD.test(text.slice(statement.start, statement.start + 1))) edits.push({ start: statement.start, end: statement.start, text: ';' });
      if (end === undefined) {
        previousOpen = false;
        continue;
      }
      const sameLineNext = next !== undefined && !/\n/.test(text.slice(statement.end, next.start));
      if (end.semicolon !== undefined && !end.guard && !sameLineNext && statement.type !== 'DoWhileStatement') {
        edits.push({ start: end.semicolon, end: end.semicolon + 1, text: '' });
        previousOpen = true;
      } else {
        previousOpen = end.semicolon === undefined;
      }
    }
  }
  return applyEdits(text, edits);
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
      if (SKIPPED_KEYS.has(key)) continue;
      parts.push(key);
      visit(node[key]);
    }
  };
  visit(ast.program);
  return parts.join(' ');
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
