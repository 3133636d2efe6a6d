import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// A smoke test of bench/memory.js on a small tree: the odd files are skipped with their reasons,
// the rest processed, and the child's peak memory is measured. The figure itself is the
// benchmark's to report (README), never a unit test's. Like test/bench.test.ts it measures
// nothing, so only a hang should fail it: in a full run at a load of 18 (two test files at once)
// it took 64 s and failed the default 60 s limit.

const repo = path.resolve(__dirname, '..');

describe('bench/memory.js --quick', () => {
  it('builds the tree with its odd files, runs the built command and measures its peak memory', () => {
    const result = spawnSync(process.execPath, [path.join(repo, 'bench', 'memory.js'), '--quick', '--json'], { cwd: repo, encoding: 'utf8', timeout: 240_000 });
    expect(result.status, result.stderr).toBe(0);
    const bench = JSON.parse(result.stdout);
    expect(bench.tree.files).toBe(40);
    const [run] = bench.runs;
    expect(run.exitCode).toBe(0);
    expect(run.summary).toMatchObject({ scanned: 40, skipped: 4, failed: 0 });
    expect(run.summary.changed).toBeGreaterThan(25);
    expect(run.skipped.map((file: { path: string }) => file.path)).toEqual([
      'generated/table.js',
      'vendor/bundle.min.js',
      'vendor/small-1.min.js',
      'vendor/small-2.min.js',
    ]);
    expect(run.skipped[0].reason).toMatch(/^larger than the size limit \(1\.5 MB > 1 MB/);
    expect(run.skipped[1].reason).toMatch(/^looks minified/);
    expect(run.peakMb).toBeGreaterThan(10);
    expect(run.args).toBe('--jobs 1');
  }, 300_000);
});
