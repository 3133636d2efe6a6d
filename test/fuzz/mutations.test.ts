import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processRunner, sourceAt } from './fuzz';
import { mutationOperators, type MutationOperator } from './mutations';
import { judge, rewrite, type Verdict } from './oracle';

/**
 * Self-check of the fuzzer: the wrong rewrites of test/execution/mutations/, applied as
 * operators to awaitify's output of generated programs, must be caught by the oracle. For each
 * operator the programs of a fixed seed range whose output it can mutate (and whose source has
 * the shape the mistake needs to show, where `canShow` says) are judged with the mutated output,
 * a few at a time, until one fails with an unexcused difference; the search gives up after
 * `maxJudged` programs. Most operators show on the first programs, so the search
 * costs little, and a change to the generator or the rewriter that moves where a mutation shows
 * does not make the check fail for want of candidates.
 */

const firstSeed = 7000;
/** The seed range searched: rewrites are made lazily, once, and shared by the operators. */
const programs = 3000;
const maxJudged = 60;

/**
 * Where an operator's mistake can show at all, read from the program's source (printing one
 * costs well under a millisecond; rewriting costs far more): Promise.all made sequential shows
 * only where a join's second read prints when it starts, in a join awaitify converts (one
 * guarded by a `failed` flag; the others are refused).
 */
const canShow: Partial<Record<string, (source: string) => boolean>> = {
  'concurrent-made-sequential': (source) => source.includes('let failed = false;'),
};
const jobs = Math.max(2, availableParallelism());
const run = processRunner(jobs);

const outputs = new Map<number, string | undefined>();

function outputAt(seed: number): string | undefined {
  if (!outputs.has(seed)) {
    const result = rewrite(sourceAt(seed));
    outputs.set(seed, 'crash' in result || result.status !== 'changed' ? undefined : result.output);
  }
  return outputs.get(seed);
}

/** The next `count` seeds from `from` whose default rewrite the operator changes. */
function candidates(operator: MutationOperator, from: number, count: number): { seeds: number[]; next: number } {
  const seeds: number[] = [];
  let seed = from;
  for (; seed < firstSeed + programs && seeds.length < count; seed++) {
    if (canShow[operator.name] && !canShow[operator.name]!(sourceAt(seed))) continue;
    const output = outputAt(seed);
    if (output !== undefined && operator.apply(output) !== undefined) seeds.push(seed);
  }
  return { seeds, next: seed };
}

describe('mutation self-check: the oracle catches wrong rewrites of generated programs', () => {
  it('has an operator for every case under test/execution/mutations/', () => {
    const cases = readdirSync(join(__dirname, '..', 'execution', 'mutations'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(mutationOperators.map((operator) => operator.name).sort()).toEqual(cases.map((entry) => entry.name).sort());
  });

  for (const operator of mutationOperators) {
    it(`catches ${operator.name}`, async () => {
      const judged: Array<{ seed: number; verdict: Verdict }> = [];
      let next = firstSeed;
      // Judged `jobs` at a time (the runner limits node processes); stops at the first batch that catches it.
      while (judged.length < maxJudged && !judged.some(({ verdict }) => verdict.kind === 'failed')) {
        const batch = candidates(operator, next, jobs);
        next = batch.next;
        if (batch.seeds.length === 0) break;
        judged.push(
          ...(await Promise.all(
            batch.seeds.map(async (seed) => ({ seed, verdict: await judge(sourceAt(seed), run, (output) => operator.apply(output) ?? output) })),
          )),
        );
      }
      const summary = judged.map(({ seed, verdict }) => `seed ${seed}: ${verdict.kind}`).join('\n');
      expect(judged.length, `no program from seeds ${firstSeed}..${firstSeed + programs - 1} has a spot for ${operator.name}`).toBeGreaterThan(0);
      const caught = judged.filter(({ verdict }) => verdict.kind === 'failed');
      console.log(`${operator.name}: caught by seed ${caught.map(({ seed }) => seed).join(', ')} after ${judged.length} programs judged`);
      expect(caught.length, `${operator.name} was not caught in ${judged.length} programs:\n${summary}`).toBeGreaterThan(0);
      for (const { verdict } of caught) expect(verdict.kind === 'failed' && verdict.reason).toBe('unexcused-difference');
    }, 300_000);
  }
});
