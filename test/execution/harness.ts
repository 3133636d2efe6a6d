import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, realpath, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { diffArrays } from 'diff';
import { normalizeOutput } from './normalize';
import { listSandboxFiles } from './sandbox-files';
import { formatTraceLine, mergeStreams, parseTraceFile, type TraceLine, type TraceWrite } from './trace';

export { normalizeOutput } from './normalize';
export { formatTraceLine, type TraceLine } from './trace';

/**
 * Runs a script in a real `node` child process, in a fresh temporary directory holding a copy
 * of test/execution/sandbox/, and reduces what it printed to a form that compares across a
 * rewrite: temp paths and the script's own path replaced, Node's stack frames and error source
 * excerpts dropped (normalize.ts). Two runs behave alike when the exit, stdout, stderr, the
 * merged stream of both (trace.ts: their relative order) and the files left in the sandbox
 * (sandbox-files.ts) all compare equal.
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
  /**
   * stdout and stderr as one stream, in the order the program wrote them, each line tagged
   * with its stream and the script line that printed it (see TraceLine); undefined when the
   * writes do not account for the streams (something wrote to the file descriptors directly).
   */
  merged: TraceLine[] | undefined;
  /** The sandbox after the run, one line per entry (see listSandboxFiles). */
  files: string[];
  rawStdout: string;
  rawStderr: string;
  /** The preload's record of every write, before normalisation. */
  rawWrites: TraceWrite[];
  durationMs: number;
}

export interface RunScriptOptions {
  /** Extension without the dot: js, cjs or mjs. */
  ext: string;
  timeoutMs?: number;
  /** Leave the temp dir in place (for debugging); also `AWAITIFY_KEEP_EXEC_DIRS=1`. */
  keepDir?: boolean;
  /**
   * More files of the program beside the script (a multi-file program: `lib.js`, a helper
   * module), by path relative to it. Their writes are traced too, with their lines offset by
   * `traceLineOffset(index + 1)` (trace-preload.cjs); they are not listed among the files left.
   */
  otherFiles?: Readonly<Record<string, string>>;
}

/** Lines of the n-th traced file (0: the script) are recorded as n * 100000 + line. */
export function traceLineOffset(fileIndex: number): number {
  return fileIndex * 100_000;
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
  // One libuv worker thread: fs operations started together then finish in the order they were
  // started, so a fixture that runs two of them side by side prints the same trace every run
  // (with four workers, two fs.stat calls raced and CI saw their lines swap).
  env.UV_THREADPOOL_SIZE = '1';
  for (const key of Object.keys(env)) {
    if (key.startsWith('VITEST') || key === 'NODE_OPTIONS' || key === 'NODE_V8_COVERAGE' || key === 'FORCE_COLOR') {
      delete env[key];
    }
  }
  return env;
}

const tracePreload = resolve(executionDir, 'trace-preload.cjs');

/** The sandbox's folders (parents first) and files, relative to it: read once per process. */
let sandboxEntries: Promise<{ dirs: string[]; files: string[] }> | undefined;

function listSandbox(): Promise<{ dirs: string[]; files: string[] }> {
  sandboxEntries ??= readdir(sandboxDir, { recursive: true, withFileTypes: true }).then((entries) => {
    const relative = (entry: { parentPath?: string; path?: string; name: string }) => join((entry.parentPath ?? entry.path ?? sandboxDir).slice(sandboxDir.length), entry.name).replace(/^[\\/]/, '');
    const dirs = entries.filter((entry) => entry.isDirectory()).map(relative).sort((a, b) => a.length - b.length);
    const files = entries.filter((entry) => entry.isFile() && entry.name !== '.gitignore').map(relative);
    return { dirs, files };
  });
  return sandboxEntries;
}

/**
 * A fresh copy of the sandbox in `dir` (which must not exist). fs.cp walked and stat-ed the
 * tree on every run: about 14 ms of the runner's CPU and 200 ms of wall time a run on a loaded
 * machine, for a tree that never changes while tests run.
 */
async function copySandbox(dir: string): Promise<void> {
  const { dirs, files } = await listSandbox();
  await mkdir(dir);
  for (const sub of dirs) await mkdir(join(dir, sub));
  await Promise.all(files.map((file) => copyFile(join(sandboxDir, file), join(dir, file))));
}

/** Runs `source` as `fixture.<ext>` with `node`, in a fresh copy of the sandbox. */
export async function runScript(source: string, options: RunScriptOptions): Promise<RunOutcome> {
  const timeoutMs = options.timeoutMs ?? processTimeoutMs;
  const keepDir = options.keepDir ?? process.env.AWAITIFY_KEEP_EXEC_DIRS === '1';
  const scriptName = `${scriptBaseName}.${options.ext}`;
  // <base>/run is the program's cwd; the trace file sits beside it, out of the program's sight.
  const base = await mkdtemp(join(tmpdir(), 'awaitify-exec-'));
  const dir = join(base, 'run');
  const traceFile = join(base, 'trace.jsonl');
  try {
    await copySandbox(dir);
    const realDir = await realpath(dir);
    await writeFile(join(dir, scriptName), source);
    const otherNames = Object.keys(options.otherFiles ?? {});
    for (const name of otherNames) {
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), options.otherFiles![name]!);
    }
    await writeFile(traceFile, '');
    const started = Date.now();
    const raw = await spawnNode(scriptName, dir, timeoutMs, {
      AWAITIFY_TRACE_FILE: traceFile,
      AWAITIFY_TRACE_SCRIPT: [scriptName, ...otherNames].map((name) => join(realDir, name)).join(delimiter),
    });
    const durationMs = Date.now() - started;
    const dirs = [dir, realDir];
    const rawWrites = parseTraceFile(await readFile(traceFile, 'utf8'));
    return {
      ...raw,
      stdout: normalizeOutput(raw.rawStdout, dirs, scriptName),
      stderr: normalizeOutput(raw.rawStderr, dirs, scriptName),
      merged: mergeStreams(rawWrites, { out: raw.rawStdout, err: raw.rawStderr }, dirs, scriptName),
      files: await listSandboxFiles(dir, [scriptName, ...otherNames]),
      rawWrites,
      durationMs,
    };
  } finally {
    if (!keepDir) await rm(base, { recursive: true, force: true });
  }
}

type RawOutcome = Pick<RunOutcome, 'exitCode' | 'signal' | 'timedOut' | 'spawnError' | 'rawStdout' | 'rawStderr'>;

function spawnNode(scriptName: string, cwd: string, timeoutMs: number, traceEnv: NodeJS.ProcessEnv): Promise<RawOutcome> {
  return new Promise((done) => {
    const env = { ...childEnv(), ...traceEnv };
    const child = spawn(process.execPath, ['--require', tracePreload, scriptName], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
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

export interface Labels {
  before: string;
  after: string;
}

export interface CompareOptions {
  /**
   * Also compare the script line each merged line carries. Off by default: a rewrite moves
   * statements to other lines. On for two runs of one script (the stability check).
   */
  scriptLines?: boolean;
}

/** What compareRuns looks at, in the order it reports them. */
export type RunPart = 'exit' | 'stdout' | 'stderr' | 'merged' | 'files';

export interface RunDifference {
  part: RunPart;
  report: string;
}

function diffLines(title: string, before: readonly string[], after: readonly string[], labels: Labels): string | undefined {
  if (before.length === after.length && before.every((line, index) => line === after[index])) return undefined;
  const out = [`${title} (- ${labels.before}, + ${labels.after}):`];
  for (const change of diffArrays([...before], [...after])) {
    const mark = change.added ? '+' : change.removed ? '-' : ' ';
    for (const line of change.value) out.push(`  ${mark} ${line}`);
  }
  return out.join('\n');
}

function mergedLines(run: RunOutcome, options: CompareOptions): string[] | undefined {
  return run.merged?.map((line) => formatTraceLine(line, options.scriptLines));
}

/**
 * Every part in which two runs differ, compared exactly after normalisation: the exit, stdout,
 * stderr, the merged stream (stream tag and text of each line, in order) and the files left in
 * the sandbox. Empty when they behave alike. A run whose merged stream is unknown differs.
 */
export function differences(
  before: RunOutcome,
  after: RunOutcome,
  labels: Labels = { before: 'before', after: 'after' },
  options: CompareOptions = {},
): RunDifference[] {
  const found: RunDifference[] = [];
  const exitBefore = describeExit(before);
  const exitAfter = describeExit(after);
  if (exitBefore !== exitAfter) found.push({ part: 'exit', report: `exit differs: ${labels.before}: ${exitBefore}; ${labels.after}: ${exitAfter}` });
  for (const stream of ['stdout', 'stderr'] as const) {
    const diff = diffLines(`${stream} differs`, before[stream], after[stream], labels);
    if (diff) found.push({ part: stream, report: diff });
  }
  const mergedBefore = mergedLines(before, options);
  const mergedAfter = mergedLines(after, options);
  if (!mergedBefore || !mergedAfter) {
    const unknown = [!mergedBefore && labels.before, !mergedAfter && labels.after].filter(Boolean).join(' and ');
    found.push({ part: 'merged', report: `merged stream unknown for ${unknown}: output reached stdout or stderr without process.stdout/stderr.write` });
  } else {
    const diff = diffLines('merged stdout+stderr order differs', mergedBefore, mergedAfter, labels);
    if (diff) found.push({ part: 'merged', report: diff });
  }
  const files = diffLines('files left in the sandbox differ', before.files, after.files, labels);
  if (files) found.push({ part: 'files', report: files });
  return found;
}

/**
 * Compares two runs; undefined when they behave alike, else a readable report: the exit of
 * each and a line diff of every part that differs, with the lines they share as context.
 */
export function compareRuns(
  before: RunOutcome,
  after: RunOutcome,
  labels: Labels = { before: 'before', after: 'after' },
  options: CompareOptions = {},
): string | undefined {
  const found = differences(before, after, labels, options);
  return found.length > 0 ? found.map((difference) => difference.report).join('\n\n') : undefined;
}

/** What a run printed and how it ended, for failure messages. */
export function describeRun(run: RunOutcome): string {
  const show = (lines: string[]) => (lines.length > 0 ? lines.map((line) => `  | ${line}`).join('\n') : '  (nothing)');
  const merged = run.merged ? show(run.merged.map((line) => formatTraceLine(line, true))) : '  (unknown)';
  return `${describeExit(run)} in ${run.durationMs} ms\nstdout:\n${show(run.stdout)}\nstderr:\n${show(run.stderr)}\nmerged:\n${merged}\nfiles:\n${show(run.files)}`;
}
