import { describe, expect, it } from 'vitest';
import { defaultJobs, formatStats, fuzz, processRunner, sourceAt, type FuzzStats } from './fuzz';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { judge, rewrite } from './oracle';
import { judgePackage } from './package-oracle';

/**
 * The fixed-seed fuzz run of `npm test`: 50 generated programs, each run before and after
 * the default rewrite in real node and compared under the flagged-difference rule. No
 * failure, and at least half of the programs changed (a generator of refusals proves nothing).
 * Then the --strict oracle on the first programs of the same seed (exact traces, nothing
 * converted and flagged), and the seeds past runs failed on, which must pass now.
 * Failures are not saved or shrunk here; `npm run fuzz -- --seed <seed> --count 1` does both.
 * On an idle 2-core machine this takes about 15 s; the timeout leaves room for a loaded one
 * (the figures it prints include the CPU seconds, which do not depend on the load). It ran
 * 100 programs (33 s of CPU, a tenth of npm test's budget): the breadth is bench:fuzz's
 * 10,000 programs, and every rule id the second 50 fired is pinned by fixtures.
 */

const seed = 20261206;
const count = 50;
const strictCount = 10;
// The fuzzer's default (two node processes per core): the share of unstable programs below checks it keeps traces stable.
const jobs = defaultJobs();

/**
 * Seeds earlier runs failed on, each fixed with a fixture: 300030 (an own function refused as
 * stored-or-escaping taken as an unknown callee lost a second call-back;
 * no-transform-own-unproven-function-not-assumed) and 300830 (a counter join whose two members
 * both fail converted to Promise.all; no-transform-counter-join-two-members-can-fail) and
 * 500032 (a nextTick in a factory-made function called from a moved success path, unflagged;
 * next-tick-in-factory-made-function-flagged) and 811458 (a call of a function that may call
 * back synchronously, in main(), flagged over main's block only: the code after `main()` at the
 * top level printed before the continuation, outside the span; sync-callback-caller-of-host-flagged)
 * and 3004781 (a factory-made function of the file, whose join calls back once per failing read,
 * taken as an unknown callee and awaited: one of two call-backs lost;
 * no-transform-factory-made-function-not-assumed).
 */
const regressionSeeds = [300030, 300830, 500032, 811458, 3004781, 5001885];

/**
 * Programs of two files (`--multi-file`): the script and the module of its own callback
 * functions, rewritten as a package with cross-file conversion. The programs multi-file runs
 * failed on are kept as text in test/fuzz/regressions/<name>/ (fixture.js, lib.js), so that a
 * change of the grammar does not turn them into other programs: multi-file-seed-1013 failed
 * before the package model's summaries said a callee calls back from a process.nextTick (the
 * script's tick after the call came before the awaited continuation, unflagged; now
 * timing/next-tick-ordering over the continuation, test/cross-file.test.ts); multi-file-seed-1509
 * was not idempotent: a timer's callback given a delay (`setTimeout(f, 15)`) was not taken for a
 * callback that runs later, so a maybe-synchronous callee called from a function the timer calls
 * was refused as unbounded, and converted on the second run, once the timer had become an await.
 */
const multiFileSeed = 20261207;
const multiFileCount = 12;
const regressionsDir = join(__dirname, 'regressions');

const failuresOf = (stats: FuzzStats) => stats.failures.map((failure) => `seed ${failure.seed}: ${failure.reason}\n${failure.source}\n${failure.detail}`);

describe(`fuzz: ${count} generated programs from seed ${seed}`, () => {
  let stats: FuzzStats;

  it('runs every program before and after the rewrite with no unexcused difference, crash or second change', async () => {
    stats = await fuzz({ count, seed, jobs, shrinkSeconds: 0 });
    console.log(formatStats(stats));
    expect(failuresOf(stats)).toEqual([]);
  }, 600_000);

  it('changes at least half of the programs, and most programs are stable', () => {
    expect(stats.changed / count, formatStats(stats)).toBeGreaterThanOrEqual(0.5);
    expect(stats.unstable / count, formatStats(stats)).toBeLessThan(0.1);
  });

  it('--strict: the default rewrite of a program whose difference the default run excused fails the strict oracle', async () => {
    // The strict oracle compares exactly: the default output, judged under it, must fail.
    const candidates = stats.flaggedSeeds.filter((at) => {
      const strictResult = rewrite(sourceAt(at), true);
      return !('crash' in strictResult) && strictResult.status === 'changed';
    });
    expect(candidates.length, `no program of seed ${seed} has a flagged difference and a strict rewrite`).toBeGreaterThan(0);
    // A flagged difference may depend on how a timer races an operation, so one re-run need not
    // show it again: the first three candidates are judged and one failing is the proof.
    const verdicts: string[] = [];
    for (const at of candidates.slice(0, 3)) {
      const defaultResult = rewrite(sourceAt(at));
      const defaultOutput = 'crash' in defaultResult ? undefined : defaultResult.output;
      expect(defaultOutput).toBeDefined();
      const verdict = await judge(sourceAt(at), processRunner(jobs), () => defaultOutput!, true);
      verdicts.push(`seed ${at}: ${verdict.kind === 'failed' ? verdict.reason : verdict.kind}`);
      if (verdict.kind === 'failed' && verdict.reason === 'unexcused-difference') break;
    }
    expect(verdicts.at(-1), verdicts.join('\n')).toMatch(/: unexcused-difference$/);
  }, 120_000);
});

describe(`fuzz --strict: ${strictCount} programs from seed ${seed}`, () => {
  it('rewrites with --strict: nothing converts and flags, and every trace is exactly equal', async () => {
    const stats = await fuzz({ count: strictCount, seed, jobs, shrinkSeconds: 0, strict: true });
    expect(failuresOf(stats)).toEqual([]);
    expect(stats.changed, formatStats(stats)).toBeGreaterThan(0);
    expect(stats.flagged).toBe(0);
  }, 300_000);
});

describe(`fuzz --multi-file: ${multiFileCount} two-file programs from seed ${multiFileSeed}`, () => {
  it('rewrites each as a package: no unexcused difference, crash or second change, and at least half changed', async () => {
    const stats = await fuzz({ count: multiFileCount, seed: multiFileSeed, jobs, shrinkSeconds: 0, multiFile: true });
    console.log(formatStats(stats));
    expect(failuresOf(stats)).toEqual([]);
    expect(stats.changed / multiFileCount, formatStats(stats)).toBeGreaterThanOrEqual(0.5);
    expect(stats.unstable / multiFileCount, formatStats(stats)).toBeLessThan(0.1);
  }, 600_000);
});

describe('fuzz: seeds earlier runs failed on', () => {
  for (const at of regressionSeeds) {
    it(`seed ${at} passes`, async () => {
      const stats = await fuzz({ count: 1, seed: at, jobs, shrinkSeconds: 0 });
      expect(failuresOf(stats)).toEqual([]);
    }, 120_000);
  }
  for (const name of readdirSync(regressionsDir)) {
    it(`${name} (two files) passes`, async () => {
      const read = (file: string) => readFileSync(join(regressionsDir, name, file), 'utf8');
      const verdict = await judgePackage({ main: read('fixture.js'), lib: read('lib.js') });
      expect(verdict.kind === 'failed' ? `${verdict.reason}\n${verdict.detail}` : verdict.kind).toBe('passed');
    }, 120_000);
  }
});
