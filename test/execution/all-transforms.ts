import { beforeAll, describe, expect, it } from 'vitest';
import { transformSource } from '../../src/engine/transform-source';
import type { Finding } from '../../src/types';
import { compareTraces, describeComparison, flaggedSpans, tracedRun } from './flagged-difference';
import { discoverFixtures, expectedOutputDifference, fixtureOptions, hasNoRunMarker, readText, runnableExtensions } from '../helpers/fixtures';
import { createLimiter, defaultConcurrency, type RunOutcome } from './harness';
import { runFixtureSourceOnce } from './transpile';

/**
 * Every runnable fixture input, rewritten by all transforms together (what the awaitify
 * command does by default), must run exactly as the input: this is where the transforms'
 * interplay shows (a callback body that waits on a timer, a timer chain that reads a file).
 * Inputs the default run leaves unchanged need no second run.
 *
 * Registered by execution.test.ts (not a test file of its own), so that both run in one
 * process and share runs (runFixtureSourceOnce): an input's run, and the output's where all
 * transforms write the fixture's expected output. As a file of its own it ran every input again.
 */
interface Case {
  id: string;
  ext: string;
  inputFileName: string;
  input: string;
  output: string;
  findings: Finding[];
}

interface Plan {
  /** The inputs all transforms together change. */
  cases: Case[];
  /** Inputs all transforms together failed on: each is a test failure of its own. */
  failed: Array<{ id: string; message: string }>;
}

let planned: Plan | undefined;

/** Planned once a process: execution.test.ts asks which inputs a run here compares. */
export function allTransformsPlan(): Plan {
  if (planned) return planned;
  const cases: Case[] = [];
  const failed: Plan['failed'] = [];
  for (const fixture of discoverFixtures()) {
    if (!runnableExtensions.includes(fixture.ext)) continue;
    const input = readText(fixture.inputPath);
    // An output that runs differently on purpose (an --allow) is checked in execution.test.ts.
    if (hasNoRunMarker(input) || expectedOutputDifference(input) !== undefined) continue;
    const result = transformSource(input, { path: fixture.inputFileName, ...fixtureOptions(input) });
    if (result.status === 'error') failed.push({ id: fixture.id, message: result.error?.message ?? 'no message' });
    if (result.status === 'changed' && result.output !== undefined) {
      cases.push({ id: fixture.id, ext: fixture.ext, inputFileName: fixture.inputFileName, input, output: result.output, findings: result.findings });
    }
  }
  planned = { cases, failed };
  return planned;
}

export function describeAllTransforms(): void {
  const { cases, failed } = allTransformsPlan();

  const runs = new Map<string, { before: RunOutcome; after: RunOutcome }>();

  describe('execution with every transform at once', () => {
    beforeAll(async () => {
      const limit = createLimiter(defaultConcurrency());
      // AWAITIFY_EXEC_ONLY (see execution.test.ts): only the fixtures whose id holds that text.
      const only = process.env.AWAITIFY_EXEC_ONLY;
      await Promise.all(cases.filter((item) => !only || item.id.includes(only)).map(async (item) => {
        const [before, after] = await Promise.all([
          limit(() => runFixtureSourceOnce(item.input, item)),
          limit(() => runFixtureSourceOnce(item.output, item)),
        ]);
        runs.set(item.id, { before, after });
      }));
    }, 600_000);

    it('has fixtures that the default run rewrites', () => {
      expect(cases.length).toBeGreaterThan(50);
    });

    it('fails on no fixture input (a result with status error is a failure, not a skip)', () => {
      expect(failed).toEqual([]);
    });

    for (const item of cases) {
      it(`${item.id} behaves alike after all transforms`, () => {
        const run = runs.get(item.id);
        if (!run) throw new Error(`no run recorded for ${item.id}`);
        // The flagged-difference rule: exact, but for lines moved within a finding of a rule that converts and flags.
        const [before, after] = [tracedRun(run.before), tracedRun(run.after)];
        const comparison = compareTraces(before, after, flaggedSpans(item.findings));
        if (!comparison.passes) expect.fail(`${item.id} behaves differently after all transforms:\n${describeComparison(before, after, comparison)}`);
      });

      it(`${item.id}: a second default run changes nothing`, () => {
        const again = transformSource(item.output, { path: `output.${item.ext}`, ...fixtureOptions(item.input) });
        expect(again.status, again.output).toBe('unchanged');
      });
    }
  });
}
