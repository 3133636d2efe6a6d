import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { createLimiter } from '../execution/harness';
import { chainProgramAt, printChainProgram } from './chain-grammar';
import { judge, plainRunner, type Verdict } from './oracle';

/**
 * Generated promise-chain programs (chain-grammar.ts), each run before and after the default
 * rewrite in real node and compared under the flagged-difference rule, like the callback
 * programs of fuzz.test.ts. Kept small for `npm test` (each program is three or four node runs).
 */

// AWAITIFY_CHAIN_FUZZ_COUNT and AWAITIFY_CHAIN_FUZZ_SEED run a longer sweep by hand.
const seed = Number(process.env.AWAITIFY_CHAIN_FUZZ_SEED ?? 20261207);
const count = Number(process.env.AWAITIFY_CHAIN_FUZZ_COUNT ?? 16);

describe(`fuzz: ${count} generated promise-chain programs from seed ${seed}`, () => {
  const verdicts: Array<{ seed: number; source: string; verdict: Verdict }> = [];

  it('runs every program before and after the rewrite with no unexcused difference, crash or second change', async () => {
    const limit = createLimiter(Math.max(2, availableParallelism()));
    const run = (source: string) => limit(() => plainRunner(source));
    await Promise.all(Array.from({ length: count }, async (_, index) => {
      const source = printChainProgram(chainProgramAt(seed + index));
      verdicts.push({ seed: seed + index, source, verdict: await judge(source, run) });
    }));
    const failures = verdicts.filter((entry) => entry.verdict.kind === 'failed');
    expect(failures.map(({ seed: failed, source, verdict }) => `seed ${failed}: ${verdict.kind === 'failed' ? `${verdict.reason}\n${verdict.detail}` : ''}\n${source}`)).toEqual([]);
  }, 300_000);

  it('converts most programs (a generator of refusals proves nothing)', () => {
    const changed = verdicts.filter((entry) => entry.verdict.kind === 'passed').length;
    expect(changed / count).toBeGreaterThanOrEqual(0.5);
  });
});
