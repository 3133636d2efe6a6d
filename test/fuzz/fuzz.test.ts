import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { formatStats, fuzz, type FuzzStats } from './fuzz';

/**
 * The fixed-seed fuzz run of `npm test`: 100 generated programs, each run before and after
 * the default rewrite in real node and compared under the flagged-difference rule. No
 * failure, and at least half of the programs changed (a generator of refusals proves nothing).
 * Failures are not saved or shrunk here; `npm run fuzz -- --seed <seed> --count 1` does both.
 * On an idle 2-core machine this takes about 20 s; the timeout leaves room for a loaded one
 * (the figures it prints include the CPU seconds, which do not depend on the load).
 */

const seed = 20261206;
const count = 100;

describe(`fuzz: ${count} generated programs from seed ${seed}`, () => {
  let stats: FuzzStats;

  it('runs every program before and after the rewrite with no unexcused difference, crash or second change', async () => {
    stats = await fuzz({ count, seed, jobs: Math.max(2, availableParallelism()), shrinkSeconds: 0 });
    console.log(formatStats(stats));
    expect(stats.failures.map((failure) => `seed ${failure.seed}: ${failure.reason}\n${failure.source}\n${failure.detail}`)).toEqual([]);
  }, 600_000);

  it('changes at least half of the programs, and most programs are stable', () => {
    expect(stats.changed / count, formatStats(stats)).toBeGreaterThanOrEqual(0.5);
    expect(stats.unstable / count, formatStats(stats)).toBeLessThan(0.1);
  });
});
