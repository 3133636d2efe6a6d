import { createRequire } from 'node:module';
import * as path from 'node:path';

// One job: the `@ts-expect-error` directives of a rewritten TypeScript file. A directive errors
// when its line no longer does (TS2578), so one over a line awaitify rewrote cannot be kept on
// trust. Rule: a directive whose target line is the original's, byte for byte (indentation
// aside), under the same directive, is kept as it is. Any other is checked with the project's
// own TypeScript (resolved from the file's directory, as --prettier does): unused, it moves
// above the line of the statement below it that now errors (the callback's annotated parameter
// became an annotated const), or goes when no line there errors. Without TypeScript nothing
// can be known, and the directive is left where the printer put it.

const DIRECTIVE = /^\s*(\/\/|\/\*)\s*@ts-expect-error\b/;
const TYPESCRIPT_FILE = /\.(ts|tsx|mts|cts)$/;
/** TS2578: Unused '@ts-expect-error' directive. */
const UNUSED_DIRECTIVE = 2578;

/** Lines of a text as [directive line, its target line] pairs, trimmed. */
function directivePairs(lines: string[]): Set<string> {
  const pairs = new Set<string>();
  lines.forEach((line, i) => {
    if (DIRECTIVE.test(line) && i + 1 < lines.length) pairs.add(`${line.trim()}\u0000${lines[i + 1].trim()}`);
  });
  return pairs;
}

export function settleExpectErrors(original: string, output: string, file: string): string {
  if (!TYPESCRIPT_FILE.test(file) || !output.includes('@ts-expect-error')) return output;
  const lines = output.split('\n');
  const kept = directivePairs(original.split('\n'));
  const undecided = lines.flatMap((line, i) => (DIRECTIVE.test(line) && !kept.has(`${line.trim()}\u0000${(lines[i + 1] ?? '').trim()}`) ? [i] : []));
  if (undecided.length === 0) return output;
  const errors = typeErrorLines(output, path.resolve(file));
  if (!errors) return output;
  const moves = new Map<number, number | undefined>();
  for (const at of undecided) {
    if (!errors.unused.has(at + 1)) continue;
    moves.set(at, erroringLineBelow(lines, at, errors.lines));
  }
  if (moves.size === 0) return output;
  const result: string[] = [];
  const placed = new Map<number, string>();
  for (const [from, to] of moves) if (to !== undefined) placed.set(to, lines[from].trim());
  lines.forEach((line, i) => {
    const directive = placed.get(i);
    if (directive) result.push(`${line.match(/^[ \t]*/)![0]}${directive}`);
    if (!moves.has(i)) result.push(line);
  });
  return result.join('\n');
}

/**
 * The first line below a directive, inside the statement that follows it (the lines indented
 * deeper than the directive, and the closing line back at its indentation), that has an error.
 */
function erroringLineBelow(lines: string[], at: number, errorLines: Set<number>): number | undefined {
  const indent = lines[at].match(/^[ \t]*/)![0].length;
  for (let i = at + 1; i < lines.length; i++) {
    if (errorLines.has(i + 1) && !DIRECTIVE.test(lines[i - 1])) return i;
    const depth = lines[i].match(/^[ \t]*/)![0].length;
    if (i > at + 1 && lines[i].trim() !== '' && depth <= indent) return undefined;
  }
  return undefined;
}

interface TypeScriptApi {
  findConfigFile(dir: string, exists: (file: string) => boolean): string | undefined;
  readConfigFile(file: string, read: (file: string) => string | undefined): { config?: unknown };
  parseJsonConfigFileContent(json: unknown, host: unknown, dir: string): { options: Record<string, unknown> };
  createCompilerHost(options: object): any;
  createSourceFile(file: string, text: string, languageVersion: unknown, setParentNodes: boolean): unknown;
  createProgram(files: string[], options: object, host: any): any;
  getPreEmitDiagnostics(program: any, file: any): Array<{ code: number; start?: number; file?: any }>;
  sys: { fileExists(file: string): boolean; readFile(file: string): string | undefined };
  ScriptTarget: { ES2022: number };
  ModuleKind: { CommonJS: number };
}

/** The 1-based lines of the output that have an error, and those of unused directives; undefined without TypeScript. */
function typeErrorLines(text: string, file: string): { lines: Set<number>; unused: Set<number> } | undefined {
  let ts: TypeScriptApi;
  try {
    ts = createRequire(file)('typescript') as TypeScriptApi;
  } catch {
    return undefined;
  }
  const dir = path.dirname(file);
  const config = ts.findConfigFile(dir, ts.sys.fileExists);
  const options = config
    ? ts.parseJsonConfigFileContent(ts.readConfigFile(config, ts.sys.readFile).config ?? {}, ts.sys, path.dirname(config)).options
    : { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, esModuleInterop: true, skipLibCheck: true };
  const compilerOptions = { ...options, noEmit: true };
  const host = ts.createCompilerHost(compilerOptions);
  const getSourceFile = host.getSourceFile.bind(host);
  const same = (name: string) => path.resolve(name) === file;
  host.getSourceFile = (name: string, ...rest: unknown[]) => (same(name) ? ts.createSourceFile(name, text, rest[0], true) : getSourceFile(name, ...rest));
  host.readFile = ((read) => (name: string) => (same(name) ? text : read(name)))(host.readFile.bind(host));
  host.fileExists = ((exists) => (name: string) => same(name) || exists(name))(host.fileExists.bind(host));
  const program = ts.createProgram([file], compilerOptions, host);
  const source = program.getSourceFile(file);
  const lines = new Set<number>();
  const unused = new Set<number>();
  for (const diagnostic of ts.getPreEmitDiagnostics(program, source)) {
    if (diagnostic.start === undefined || !diagnostic.file) continue;
    const line = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1;
    (diagnostic.code === UNUSED_DIRECTIVE ? unused : lines).add(line);
  }
  return { lines, unused };
}
