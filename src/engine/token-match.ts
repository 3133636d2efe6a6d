import { diffSequences } from './sequence-diff';
import type { SourceParser } from './parse';

// The tokens of an original and a printed text, and which of them came through unchanged: the
// ground the printer's post-passes stand on (restore-style.ts, new-code-style.ts).

export interface Token {
  type: { label: string } | string;
  value?: unknown;
  start: number;
  end: number;
  loc: { start: { line: number }; end: { line: number } };
}

export interface ParsedText {
  text: string;
  ast: any;
  tokens: Token[];
  /** Offset where each line starts. */
  lineStarts: number[];
  /** Lines (1-based) that hold a comment, with the comments' texts. */
  commentsByLine: Map<number, string>;
}

export interface Edit {
  start: number;
  end: number;
  text: string;
}

export function parseText(text: string, parser: SourceParser): ParsedText {
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

export const label = (token: Token): string => (typeof token.type === 'string' ? token.type : token.type.label);

export function tokenKey(token: Token): string {
  const value = token.value === undefined ? '' : typeof token.value === 'object' ? JSON.stringify(token.value) : String(token.value);
  return `${label(token)}\u0000${value}`;
}

/**
 * Each line that holds code: its tokens' indexes, and a key of their texts; with each token's key.
 * Kept with the parse: the original is matched against every text the style passes make.
 */
const linesCache = new WeakMap<ParsedText, { lines: Array<{ key: string; tokens: number[] }>; keys: string[] }>();
function keyedLines(file: ParsedText): { lines: Array<{ key: string; tokens: number[] }>; keys: string[] } {
  const cached = linesCache.get(file);
  if (cached) return cached;
  const lines: Array<{ key: string; tokens: number[] }> = [];
  const keys = file.tokens.map(tokenKey);
  let line = -1;
  file.tokens.forEach((token, index) => {
    if (token.loc.start.line !== line) {
      line = token.loc.start.line;
      lines.push({ key: '', tokens: [] });
    }
    const current = lines[lines.length - 1];
    current.key += `${keys[index]}\u0001`;
    current.tokens.push(index);
  });
  const keyed = { lines, keys };
  linesCache.set(file, keyed);
  return keyed;
}

/**
 * printed token index → original token index, for the tokens a whitespace- and
 * semicolon-insensitive diff keeps: lines first (cheap, and a moved line is one unit), then the
 * tokens of each changed stretch of lines.
 */
const matchCache = new WeakMap<ParsedText, Map<number, number>>();
export function matchTokens(before: ParsedText, after: ParsedText): Map<number, number> {
  const cached = matchCache.get(after);
  if (cached) return cached;
  const matched = new Map<number, number>();
  const { lines: beforeLines, keys: beforeKeys } = keyedLines(before);
  const { lines: afterLines, keys: afterKeys } = keyedLines(after);
  let b = 0;
  let a = 0;
  let removed: number[] = [];
  let added: number[] = [];
  const matchStretch = () => {
    if (removed.length > 0 && added.length > 0) {
      let i = 0;
      let k = 0;
      for (const part of diffSequences(removed.map((index) => beforeKeys[index]), added.map((index) => afterKeys[index]))) {
        if (part.added) k += part.count ?? 0;
        else if (part.removed) i += part.count ?? 0;
        else for (let n = 0; n < (part.count ?? 0); n++) matched.set(added[k++], removed[i++]);
      }
    }
    removed = [];
    added = [];
  };
  for (const part of diffSequences(beforeLines.map((line) => line.key), afterLines.map((line) => line.key))) {
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

export function tokensByLine(tokens: Token[]): Map<number, number[]> {
  const lines = new Map<number, number[]>();
  tokens.forEach((token, index) => {
    const line = token.loc.start.line;
    const indexes = lines.get(line);
    if (indexes) indexes.push(index);
    else lines.set(line, [index]);
  });
  return lines;
}

/** The line's text without its indentation and line end: [start, end) offsets. */
export function lineContent(file: ParsedText, line: number): { start: number; end: number } {
  const lineStart = file.lineStarts[line - 1];
  let end = line < file.lineStarts.length ? file.lineStarts[line] - 1 : file.text.length;
  if (file.text[end - 1] === '\r') end--;
  let start = lineStart;
  while (start < end && (file.text[start] === ' ' || file.text[start] === '\t')) start++;
  return { start, end };
}

/** The run of line breaks (and blank lines) in a gap of whitespace and semicolons: its offsets and how many breaks. */
export function lineBreaks(text: string, from: number, to: number): { start: number; end: number; count: number } | undefined {
  const gap = text.slice(from, to);
  if (!/^[\s;]*$/.test(gap)) return undefined;
  const first = gap.search(/\r?\n/);
  if (first < 0) return undefined;
  const last = gap.lastIndexOf('\n');
  const run = gap.slice(first, last + 1);
  return { start: from + first, end: from + last + 1, count: (run.match(/\n/g) ?? []).length };
}

export function applyEdits(text: string, edits: Edit[]): string {
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
