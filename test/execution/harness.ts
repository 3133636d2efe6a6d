import { spawn } from 'node:child_process';
import { cp, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { diffArrays } from 'diff';
import { parseTrace, tracePreloadPath, type TraceLine } from './trace';

/**
 * Runs a script in a real `node` child process, in a fresh temporary directory holding a copy
 * of test/execution/sandbox/, and reduces what it printed to a form that compares across a
 * rewrite: temp paths and the script's own path replaced, Node's stack frames and error source
 * excerpts dropped. Two runs behave alike when stdout, stderr and the exit compare equal.
 */

/** This folder in the source tree, also when this file runs compiled under dist/ (npm run fuzz). */
const executionDir = __dirname.replace(/[\\/]dist([\\/]test[\\/]execution)$/, '$1');
export const sandboxDir = resolve(executionDir, 'sandbox');
export const processTimeoutMs = 10_000;
/** The script's file name in its temp dir; the extension keeps the module type (.mjs is ESM). */
export const scriptBaseName = 'fixture';

export interface RunOutcome {
  /** Normalised lines (see normalizeOutput); a trailing newline gives no extra empty line. */
  stdout: string[];
  stderr: string[];
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** Set when the process could not be started at all. */
  spawnError?: string;
  rawStdout: string;
  rawStderr: string;
  durationMs: number;
  /** With `trace: true`: every stdout and stderr line in order, with the source line that printed it. */
  trace?: TraceLine[];
}

export interface RunScriptOptions {
  /** Extension without the dot: js, cjs or mjs. */
  ext: string;
  timeoutMs?: number;
  /** Leave the temp dir in place (for debugging); also `AWAITIFY_KEEP_EXEC_DIRS=1`. */
  keepDir?: boolean;
  /** Load trace-preload.cjs: stdout and stderr writes come back as one tagged trace (see trace.ts). */
  trace?: boolean;
}

/** At most `limit` tasks run at once; the others wait their turn, in order. */
export function createLimiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`concurrency limit must be a positive integer, got ${limit}`);
  let active = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((wake) => waiting.push(wake));
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}

/** os.availableParallelism(), or `AWAITIFY_EXEC_CONCURRENCY` when set. */
export function defaultConcurrency(env: NodeJS.ProcessEnv = process.env): number {
  const override = Number(env.AWAITIFY_EXEC_CONCURRENCY);
  return Number.isInteger(override) && override > 0 ? override : availableParallelism();
}

/** The child's environment: the test runner's, minus what changes how node runs or prints. */
function childEnv(): NodeJS.ProcessEnv {
  // Fixtures that use a library (the `async` package) find it in the repository's node_modules.
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', NODE_PATH: resolve(executionDir, '..', '..', 'node_modules') };
  for (const key of Object.keys(env)) {
    if (key.startsWith('VITEST') || key === 'NODE_OPTIONS' || key === 'NODE_V8_COVERAGE' || key === 'FORCE_COLOR') {
      delete env[key];
    }
  }
  return env;
}

function replaceAll(text: string, search: string, replacement: string): string {
  return search ? text.split(search).join(replacement) : text;
}

const stackFrame = /^\s+at\s.*$/;
const causeElision = /^\s+\.\.\. \d+ lines? matching cause stack trace \.\.\.$/;
const excerptHeader = /^\S+:\d+$/;
const excerptCaret = /^\s*\^+\s*$/;
const nodeVersion = /^Node\.js v\d+\.\d+\.\d+$/;
const bracketedError = /^\[([A-Za-z_$][\w$]*)(: .*)?\]( \{)?$/;

/**
 * Reduces one stream to comparable lines:
 * - the temp dir (as created and as resolved) becomes `<dir>`, the script itself `<file>`
 *   (also as a file:// URL), and `(node:<pid>)` hides the process id of warnings;
 * - the source excerpt Node prints above an uncaught error (`<file>:12`, the code line, the
 *   caret line) is dropped, as are stack frames (`    at …`, including node:internal ones)
 *   and the `Node.js v…` footer;
 * - `[Error: message] {` (an error whose stack has no frames) reads `Error: message {`, the
 *   way an error with frames reads once its frames are gone.
 */
export function normalizeOutput(text: string, dirs: readonly string[], scriptName: string): string[] {
  let normalized = text.replace(/\r\n/g, '\n');
  for (const dir of [...new Set(dirs)].sort((a, b) => b.length - a.length)) {
    for (const form of [`file://${dir}`, dir]) {
      normalized = replaceAll(normalized, `${form}/${scriptName}`, '<file>');
      normalized = replaceAll(normalized, form, '<dir>');
    }
  }
  normalized = normalized.replace(/\(node:\d+\)/g, '(node:<pid>)');

  const lines = normalized.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const kept: string[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (excerptHeader.test(line) && index + 2 < lines.length && excerptCaret.test(lines[index + 2]!)) {
      index += 2;
      if (lines[index + 1] === '') index += 1;
      continue;
    }
    if (stackFrame.test(line) || causeElision.test(line)) {
      // The props of an error with frames open on its last frame: `    at x (y:1:2) {`.
      if (line.endsWith(' {') && kept.length > 0 && !kept[kept.length - 1]!.endsWith('{')) {
        kept[kept.length - 1] += ' {';
      }
      continue;
    }
    if (nodeVersion.test(line)) continue;
    const bracketed = bracketedError.exec(line);
    kept.push(bracketed ? `${bracketed[1]}${bracketed[2] ?? ''}${bracketed[3] ?? ''}` : line);
  }
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return kept;
}

/** Runs `source` as `fixture.<ext>` with `node`, in a fresh copy of the sandbox. */
export async function runScript(source: string, options: RunScriptOptions): Promise<RunOutcome> {
  const timeoutMs = options.timeoutMs ?? processTimeoutMs;
  const keepDir = options.keepDir ?? process.env.AWAITIFY_KEEP_EXEC_DIRS === '1';
  const scriptName = `${scriptBaseName}.${options.ext}`;
  const dir = await mkdtemp(join(tmpdir(), 'awaitify-exec-'));
  try {
    const realDir = await realpath(dir);
    await cp(sandboxDir, dir, { recursive: true, filter: (from) => basename(from) !== '.gitignore' });
    await writeFile(join(dir, scriptName), source);
    const started = Date.now();
    const preload = options.trace ? ['--require', tracePreloadPath] : [];
    const raw = await spawnNode([...preload, scriptName], dir, timeoutMs);
    const dirs = [dir, realDir];
    return {
      ...raw,
      stdout: normalizeOutput(raw.rawStdout, dirs, scriptName),
      stderr: normalizeOutput(raw.rawStderr, dirs, scriptName),
      durationMs: Date.now() - started,
      ...(options.trace && { trace: parseTrace(raw.rawStdout, (text) => normalizeOutput(text, dirs, scriptName)) }),
    };
  } finally {
    if (!keepDir) await rm(dir, { recursive: true, force: true });
  }
}

type RawOutcome = Pick<RunOutcome, 'exitCode' | 'signal' | 'timedOut' | 'spawnError' | 'rawStdout' | 'rawStderr'>;

function spawnNode(args: string[], cwd: string, timeoutMs: number): Promise<RawOutcome> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;
    let spawnError: string | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => {
      spawnError = error.message;
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      done({
        exitCode,
        signal,
        timedOut,
        spawnError,
        rawStdout: Buffer.concat(stdout).toString('utf8'),
        rawStderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}

export function describeExit(run: RunOutcome): string {
  if (run.spawnError) return `not started (${run.spawnError})`;
  if (run.timedOut) return 'killed: timed out';
  if (run.signal) return `killed by ${run.signal}`;
  return `exit code ${run.exitCode}`;
}

interface Labels {
  before: string;
  after: string;
}

function diffLines(stream: string, before: string[], after: string[], labels: Labels): string | undefined {
  if (before.length === after.length && before.every((line, index) => line === after[index])) return undefined;
  const out = [`${stream} differs (- ${labels.before}, + ${labels.after}):`];
  for (const change of diffArrays(before, after)) {
    const mark = change.added ? '+' : change.removed ? '-' : ' ';
    for (const line of change.value) out.push(`  ${mark} ${line}`);
  }
  return out.join('\n');
}

/**
 * Compares two runs; undefined when they behave alike, else a readable report: the exit of
 * each and a line diff of every stream that differs, with the lines they share as context.
 */
export function compareRuns(
  before: RunOutcome,
  after: RunOutcome,
  labels: Labels = { before: 'before', after: 'after' },
): string | undefined {
  const parts: string[] = [];
  const exitBefore = describeExit(before);
  const exitAfter = describeExit(after);
  if (exitBefore !== exitAfter) parts.push(`exit differs: ${labels.before}: ${exitBefore}; ${labels.after}: ${exitAfter}`);
  for (const stream of ['stdout', 'stderr'] as const) {
    const diff = diffLines(stream, before[stream], after[stream], labels);
    if (diff) parts.push(diff);
  }
  return parts.length > 0 ? parts.join('\n\n') : undefined;
}

/** What a run printed and how it ended, for failure messages. */
export function describeRun(run: RunOutcome): string {
  const show = (lines: string[]) => (lines.length > 0 ? lines.map((line) => `  | ${line}`).join('\n') : '  (nothing)');
  return `${describeExit(run)} in ${run.durationMs} ms\nstdout:\n${show(run.stdout)}\nstderr:\n${show(run.stderr)}`;
}
