import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The example app is the end-to-end check: every file runs with plain node, then a copy is
// rewritten by the built CLI (`awaitify <dir> --write`), then every file runs again and
// must print the same lines, in the same order, with the same exit code.

const repo = path.resolve(__dirname, '..');
const examplesDir = path.join(repo, 'examples');
const cli = path.join(repo, 'dist', 'bin', 'awaitify.js');
const scriptPattern = /\.(c?js|mjs)$/;

interface Outcome {
  /** Exit code; null when the process was killed (see signal) or could not start. */
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

function runNode(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd, env, timeout: 30_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, signal: error?.signal ?? null, stdout, stderr });
    });
  });
}

/** Runs fn over items with at most `limit` running at once; results keep the items' order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let nextIndex = 0;
  async function worker(): Promise<void> {
    while (nextIndex < items.length) {
      const index = nextIndex++;
      results[index] = await fn(items[index]);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Every file below dir, as relative path (with /) -> sha256 of its content. */
async function hashTree(dir: string): Promise<Record<string, string>> {
  const tree: Record<string, string> = {};
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const relative = path.relative(dir, full).split(path.sep).join('/');
    tree[relative] = createHash('sha256').update(await readFile(full)).digest('hex');
  }
  return Object.fromEntries(Object.entries(tree).sort(([a], [b]) => a.localeCompare(b)));
}

function changedFiles(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(after).filter((file) => before[file] !== undefined && before[file] !== after[file]);
}

function lines(text: string): string[] {
  return text.split('\n');
}

function describeOutcome(file: string, outcome: Outcome): string {
  return `${file}: exit ${outcome.code} (signal ${outcome.signal})\n--- stdout\n${outcome.stdout}--- stderr\n${outcome.stderr}`;
}

describe('examples/: same output before and after awaitify --write', () => {
  let root = '';
  let copy = '';
  let scratch = '';
  let childEnv: NodeJS.ProcessEnv = {};
  let scripts: string[] = [];
  let original: Record<string, string> = {};
  let before: Outcome[] | undefined;
  let rewritten: Record<string, string> | undefined;

  async function runExamples(): Promise<Outcome[]> {
    return mapLimit(scripts, 2, (script) => runNode([script], copy, childEnv));
  }

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'awaitify-examples-test-'));
    copy = path.join(root, 'app');
    // The examples' own temp directories go here, so that leftovers can be seen.
    scratch = path.join(root, 'tmp');
    await cp(examplesDir, copy, { recursive: true });
    await mkdir(scratch);
    childEnv = { ...process.env, TMPDIR: scratch, TMP: scratch, TEMP: scratch, NODE_OPTIONS: '', NO_COLOR: '1' };
    scripts = (await readdir(copy)).filter((name) => scriptPattern.test(name)).sort();
    original = await hashTree(copy);
  });

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('has six to ten CommonJS examples and an ES module', () => {
    const esm = scripts.filter((name) => name.endsWith('.mjs'));
    expect(scripts.length - esm.length).toBeGreaterThanOrEqual(6);
    expect(scripts.length - esm.length).toBeLessThanOrEqual(10);
    expect(esm.length).toBeGreaterThanOrEqual(1);
  });

  it('has no file that git ignores (it would be missing from a fresh clone)', () => {
    const git = spawnSync('git', ['ls-files', '--others', '--ignored', '--exclude-standard', '--', 'examples'], { cwd: repo, encoding: 'utf8' });
    if (git.status !== 0) return; // no git, or not a checkout: nothing to compare with
    expect(git.stdout.split('\n').filter(Boolean)).toEqual([]);
  });

  it('runs every example with plain node: exit 0, the same output twice, nothing left behind', async () => {
    const first = await runExamples();
    const second = await runExamples();
    scripts.forEach((script, index) => {
      const outcome = first[index];
      expect(outcome.code, describeOutcome(script, outcome)).toBe(0);
      expect(outcome.stdout, `${script} prints nothing`).not.toBe('');
      expect(second[index], `${script} printed something else on its second run`).toEqual(outcome);
    });
    expect(await readdir(scratch), 'temp directories the examples did not remove').toEqual([]);
    expect(await hashTree(copy), 'running the examples changed files in their own folder').toEqual(original);
    before = first;
  });

  it('awaitify <dir> --write rewrites at least one file, and only scripts', async () => {
    expect(existsSync(cli), `${cli} is missing: build the CLI first (npm run build)`).toBe(true);
    const result = await runNode([cli, copy, '--write'], root, childEnv);
    // 0: done; 1: done, with findings that ask for attention. 2 is a usage error; anything
    // else (or a signal) is a crash.
    expect([0, 1], describeOutcome('awaitify --write', result)).toContain(result.code);

    const after = await hashTree(copy);
    // The one file --write may add is the package's helper module (src/engine/helper-module.ts).
    const added = Object.keys(after).filter((file) => !(file in original));
    expect(added, 'files added by --write').toEqual(added.length > 0 ? ['awaitify-helpers.js'] : []);
    expect(Object.keys(original).filter((file) => !(file in after)), 'files removed by --write').toEqual([]);
    const changed = changedFiles(original, after);
    for (const file of changed) expect(file, 'only scripts may change').toMatch(scriptPattern);
    expect(changed.length, `awaitify --write changed no file\n${describeOutcome('awaitify', result)}`).toBeGreaterThan(0);
    rewritten = after;
  });

  it('every example prints the same lines in the same order after the rewrite', async () => {
    expect(before, 'needs the plain run above').toBeDefined();
    expect(rewritten, 'needs the rewrite above').toBeDefined();
    if (!before || !rewritten) return;
    const after = await runExamples();
    scripts.forEach((script, index) => {
      const was = before![index];
      const now = after[index];
      expect.soft(lines(now.stdout), `${script}: stdout changed\n${describeOutcome(script, now)}`).toEqual(lines(was.stdout));
      expect.soft(lines(now.stderr), `${script}: stderr changed`).toEqual(lines(was.stderr));
      expect.soft(now.code, `${script}: exit code changed`).toBe(was.code);
    });
    expect(await readdir(scratch), 'temp directories the rewritten examples did not remove').toEqual([]);
  });

  it('a second awaitify --write changes nothing', async () => {
    expect(rewritten, 'needs the rewrite above').toBeDefined();
    const result = await runNode([cli, copy, '--write'], root, childEnv);
    expect([0, 1], describeOutcome('awaitify --write (second run)', result)).toContain(result.code);
    expect(changedFiles(rewritten!, await hashTree(copy))).toEqual([]);
  });
});
