import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processRunner, sourceAt } from './fuzz';
import { mutationOperators } from './mutations';
import { judge, rewrite } from './oracle';

/**
 * Self-check of the fuzzer: the wrong rewrites of test/execution/mutations/, applied as
 * operators to awaitify's output of generated programs, must be caught by the oracle. For each
 * operator, the first `tries` programs of a fixed seed range whose output it can mutate are
 * judged with the mutated output; at least one must fail, with an unexcused difference.
 */

const seed = 7000;
const programs = 60;
const tries = 10;
const run = processRunner(Math.max(2, availableParallelism()));

let outputs: Array<{ seed: number; output: string }> | undefined;

/** Seeds whose default rewrite the operator changes, in order (the rewrites are made once). */
function mutable(apply: (output: string) => string | undefined): number[] {
  outputs ??= Array.from({ length: programs }, (_, index) => ({ seed: seed + index, result: rewrite(sourceAt(seed + index)) })).flatMap(({ seed: at, result }) =>
    'crash' in result || result.status !== 'changed' || result.output === undefined ? [] : [{ seed: at, output: result.output }],
  );
  return outputs.filter(({ output }) => apply(output) !== undefined).map(({ seed: at }) => at);
}

describe('mutation self-check: the oracle catches wrong rewrites of generated programs', () => {
  it('has an operator for every case under test/execution/mutations/', () => {
    const cases = readdirSync(join(__dirname, '..', 'execution', 'mutations'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(mutationOperators.map((operator) => operator.name).sort()).toEqual(cases.map((entry) => entry.name).sort());
  });

  for (const operator of mutationOperators) {
    it(`catches ${operator.name}`, async () => {
      const candidates = mutable(operator.apply);
      expect(candidates.length, `no program from seed ${seed} has a spot for ${operator.name}`).toBeGreaterThan(0);
      // Judged side by side (the runner limits node processes); caught when any one fails.
      const verdicts = await Promise.all(
        candidates.slice(0, tries).map(async (candidate) => ({
          candidate,
          verdict: await judge(sourceAt(candidate), run, (output) => operator.apply(output) ?? output),
        })),
      );
      const caught = verdicts.filter(({ verdict }) => verdict.kind === 'failed');
      const judged = verdicts.map(({ candidate, verdict }) => `seed ${candidate}: ${verdict.kind}`).join('\n');
      expect(caught.length, `${operator.name} was not caught in ${verdicts.length} programs:\n${judged}`).toBeGreaterThan(0);
      for (const { verdict } of caught) expect(verdict.kind === 'failed' && verdict.reason).toBe('unexcused-difference');
    }, 120_000);
  }
});
