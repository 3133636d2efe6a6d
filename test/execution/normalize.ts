/**
 * Reduces what a run printed to lines that compare across a rewrite. Two steps:
 * - `normalizeText` (within a line): the temp dir (as created and as resolved) becomes
 *   `<dir>`, the script itself `<file>` (also as a file:// URL), `(node:<pid>)` hides the
 *   process id of warnings;
 * - `filterLines` (over one stream's lines): drops Node's source excerpt above an uncaught
 *   error (`<file>:12`, the code line, the caret line), the stack frames that follow an error
 *   header, and the `Node.js v…` footer; `[Error: msg] {` reads `Error: msg {`.
 * Program output is kept as it is: a line `  at step 1` is no stack frame (it does not end in
 * `:line:col`), and a frame-shaped line the program prints before any error header stays.
 */

function replaceAll(text: string, search: string, replacement: string): string {
  return search ? text.split(search).join(replacement) : text;
}

export function normalizeText(text: string, dirs: readonly string[], scriptName: string): string {
  let normalized = text.replace(/\r\n/g, '\n');
  for (const dir of [...new Set(dirs)].sort((a, b) => b.length - a.length)) {
    for (const form of [`file://${dir}`, dir]) {
      normalized = replaceAll(normalized, `${form}/${scriptName}`, '<file>');
      normalized = replaceAll(normalized, form, '<dir>');
    }
  }
  return normalized.replace(/\(node:\d+\)/g, '(node:<pid>)');
}

/**
 * A V8 stack frame: `    at f (file:1:2)`, `    at file:1:2`, `    at new Promise (<anonymous>)`,
 * `    at async Promise.all (index 0)`, optionally opening the error's props with ` {`.
 */
const stackFrame = /^\s+at (?:.+ \((?:.+:\d+:\d+|<anonymous>|native|index \d+)\)|.+:\d+:\d+|<anonymous>)( \{)?$/;
const causeElision = /^\s+\.\.\. \d+ lines? matching cause stack trace \.\.\.$/;
/** A line that starts an error's printout: `Error: …`, `TypeError [ERR_X]: …`, `[cause]: MyError …`. */
const errorHeader = /(?:^|[\s[(])[A-Z]?[\w$]*(?:Error|Exception)\b/;
const excerptHeader = /^\S+:\d+$/;
const excerptCaret = /^\s*\^+\s*$/;
const nodeVersion = /^Node\.js v\d+\.\d+\.\d+$/;
const bracketedError = /^\[([A-Za-z_$][\w$]*)(: .*)?\]( \{)?$/;

export interface KeptLine {
  /** Index of the line in the input. */
  from: number;
  text: string;
}

/** The lines of one stream that are compared, each with the index it came from. */
export function filterLines(lines: readonly string[]): KeptLine[] {
  const kept: KeptLine[] = [];
  let afterErrorHeader = false;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (excerptHeader.test(line) && index + 2 < lines.length && excerptCaret.test(lines[index + 2]!)) {
      index += 2;
      if (lines[index + 1] === '') index += 1;
      continue;
    }
    if (afterErrorHeader && (stackFrame.test(line) || causeElision.test(line))) {
      // The props of an error with frames open on its last frame: `    at x (y:1:2) {`.
      const last = kept[kept.length - 1];
      if (line.endsWith(' {') && last && !last.text.endsWith('{')) last.text += ' {';
      continue;
    }
    if (line === '') afterErrorHeader = false;
    if (errorHeader.test(line)) afterErrorHeader = true;
    if (nodeVersion.test(line)) continue;
    const bracketed = bracketedError.exec(line);
    kept.push({ from: index, text: bracketed ? `${bracketed[1]}${bracketed[2] ?? ''}${bracketed[3] ?? ''}` : line });
  }
  while (kept.length > 0 && kept[kept.length - 1]!.text === '') kept.pop();
  return kept;
}

/** Splits a stream's text into lines; a trailing newline gives no extra empty line. */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** One stream, normalised (see the module comment). */
export function normalizeOutput(text: string, dirs: readonly string[], scriptName: string): string[] {
  return filterLines(splitLines(normalizeText(text, dirs, scriptName))).map((line) => line.text);
}
