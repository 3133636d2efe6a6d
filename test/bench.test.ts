import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// A smoke test of bench/run.js on a small corpus: it runs, measures every variant, and the
// floor (parse + print with no change) gives every file back byte for byte; the scale
// comparison (jscodeshift parse-only, --jobs, --cache) runs and its reports agree.

const repo = path.resolve(__dirname, '..');

interface BenchRow {
  id: string;
  reps: number;
  medianMs: number;
  filesPerSecond: number;
  mbPerSecond: number;
  ratio: number;
  detail: { identical?: number; statuses?: Record<string, number> };
}

interface BenchResult {
  corpus: { files: number; bytes: number; byKind: Record<string, number> };
  rows: BenchRow[];
  scale: {
    cores: number;
    rows: Array<{ id: string; seconds: number; peakMb: number }>;
    ratio: number;
    cacheSpeedUp: number;
    sameReportAcrossJobs: boolean;
    sameReportFromCache: boolean;
  };
  project: {
    files: number;
    rows: Array<{ id: string; medianMs: number }>;
    overheadVsTsc: number;
    runVsTsc: number;
    converted: Record<string, number>;
  };
}

describe('bench/run.js --quick', () => {
  it('measures the floor and awaitify over a generated corpus and prints JSON', () => {
    const result = spawnSync(process.execPath, [path.join(repo, 'bench', 'run.js'), '--quick', '--json'], {
      cwd: repo,
      encoding: 'utf8',
      // A smoke run, not a timing: generous so a loaded machine does not fail it.
      timeout: 280_000,
    });
    expect(result.status, result.stderr).toBe(0);
    const bench = JSON.parse(result.stdout) as BenchResult;

    expect(bench.corpus.files).toBeGreaterThan(20);
    expect(bench.corpus.bytes).toBeGreaterThanOrEqual(50_000);
    expect(Object.keys(bench.corpus.byKind).sort()).toEqual(['js', 'mjs', 'ts']);

    const ids = bench.rows.map((row) => row.id);
    expect(ids.slice(0, 2)).toEqual(['floor', 'awaitify']);
    for (const row of bench.rows) {
      expect(row.reps, row.id).toBeGreaterThanOrEqual(1);
      expect(row.medianMs, row.id).toBeGreaterThan(0);
      expect(Number.isFinite(row.filesPerSecond) && Number.isFinite(row.mbPerSecond) && Number.isFinite(row.ratio), row.id).toBe(true);
    }
    const [floor, awaitify] = bench.rows;
    expect(floor.ratio).toBe(1);
    expect(floor.detail.identical, 'files that parse + print did not give back unchanged').toBe(bench.corpus.files);
    const statuses = awaitify.detail.statuses ?? {};
    expect(Object.values(statuses).reduce((sum, count) => sum + count, 0)).toBe(bench.corpus.files);
    expect(awaitify.ratio, 'a time ratio: awaitify takes longer than parse + print').toBeGreaterThan(1);

    // The scale comparison: whole commands over the corpus, the same report whatever --jobs and from the cache.
    expect(bench.scale.rows.map((row) => row.id)).toEqual(['jscodeshift', 'awaitify', 'jobs1', 'cold', 'warm']);
    for (const row of bench.scale.rows) expect(row.seconds > 0 && row.peakMb > 10, row.id).toBe(true);
    expect(bench.scale.sameReportAcrossJobs).toBe(true);
    expect(bench.scale.sameReportFromCache).toBe(true);
    expect(Number.isFinite(bench.scale.ratio) && Number.isFinite(bench.scale.cacheSpeedUp)).toBe(true);

    // Project mode against tsc --noEmit: 2 groups of the generated project, every API converted.
    expect(bench.project.files).toBe(20);
    expect(bench.project.rows.map((row) => row.id)).toEqual(['tsc', 'awaitify', 'project']);
    for (const row of bench.project.rows) expect(row.medianMs, row.id).toBeGreaterThan(0);
    expect(Number.isFinite(bench.project.overheadVsTsc) && Number.isFinite(bench.project.runVsTsc)).toBe(true);
    expect(bench.project.converted).toEqual({ changed: 16, apis: 14, callersConverted: 16, callersLeft: 0, interfacesUpdated: 2 });
  }, 300_000);
});
