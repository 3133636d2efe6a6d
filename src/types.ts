import type { API, Collection, JSCodeshift } from 'jscodeshift';

export type Severity = 'info' | 'warning' | 'error';

/** Where the code sits in the source: 1-based lines and columns. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * One spot in a file where timing changes (applied: true) or where the code was left as it
 * was (applied: false); `message` says what and why.
 */
export interface Finding extends Span {
  ruleId: string;
  severity: Severity;
  message: string;
  path: string;
  transform: string;
  applied: boolean;
}

export type FileStatus = 'changed' | 'unchanged' | 'skipped' | 'error';

export interface FileError {
  message: string;
  line?: number;
  column?: number;
}

export interface FileResult {
  path: string;
  status: FileStatus;
  /** The rewritten text, only when status is 'changed'. */
  output?: string;
  /** The text as read, kept so that diffs and writes need no second read. */
  source?: string;
  findings: Finding[];
  error?: FileError;
  /** Why the file was left out, only when status is 'skipped'. */
  reason?: string;
}

export interface Summary {
  scanned: number;
  changed: number;
  unchanged: number;
  skipped: number;
  failed: number;
  findings: number;
  findingsByRule: Record<string, number>;
  suppressed: number;
}

export interface Report {
  files: FileResult[];
  summary: Summary;
  /** The absolute directory that file paths are relative to; writeResults needs it. */
  cwd?: string;
}

export type ParserName = 'auto' | 'babel' | 'flow' | 'ts' | 'tsx';
export type ApiStyle = 'dual' | 'promise';
export type Target = 'auto' | 'node' | 'browser';

/** Options every transform sees, already checked. */
export interface TransformOptions {
  /** Rule ids whose refusals are converted anyway (the finding stays). */
  allow: string[];
  api: ApiStyle;
  target: Target;
  /**
   * The lowest Node major version the target package supports (from engines.node);
   * undefined when unknown, which means "current Node".
   */
  minNodeMajor?: number;
}

export interface TransformSourceOptions extends Partial<TransformOptions> {
  path?: string;
  transforms?: string[];
  parser?: ParserName;
}

/** A finding as a transform reports it; the engine adds path, transform and severity. */
export interface FindingInput {
  ruleId: string;
  message?: string;
  node: { loc?: { start: { line: number; column: number }; end: { line: number; column: number } } | null };
  applied: boolean;
}

/** What a transform gets for one file. */
export interface TransformContext {
  j: JSCodeshift;
  root: Collection;
  path: string;
  source: string;
  options: TransformOptions;
  report(finding: FindingInput): void;
  /**
   * Async functions that awaitify itself made in this file during this run, shared by all
   * transforms: their bodies run only what awaitify put there, so later conversions may add
   * awaits to them (see src/transforms/shared/async-placement.ts).
   */
  ownAsyncFunctions: WeakSet<object>;
}

/**
 * A codemod: `run` edits `ctx.root` in place and returns true when it changed anything.
 * Like an ESLint rule, `meta` is data and `run` does the work.
 */
export interface Transform {
  meta: { id: string; description: string };
  run(ctx: TransformContext): boolean;
}

export interface RunOptions extends Partial<TransformOptions> {
  paths: string[];
  cwd?: string;
  transforms?: string[];
  parser?: ParserName;
  extensions?: string[];
  ignore?: string[];
  /** Called after each file, for progress display. */
  onFile?: (result: FileResult, done: number, total: number) => void;
}

export type { API };
