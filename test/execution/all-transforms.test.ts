import { beforeAll, describe, expect, it } from 'vitest';
import { transformSource } from '../../src/engine/transform-source';
import type { Finding } from '../../src/types';
import { compareTraces, describeComparison, flaggedSpans, tracedRun } from './flagged-difference';
import { discoverFixtures, fixtureOptions, hasNoRunMarker, readText, runnableExtensions } from '../helpers/fixtures';
import { createLimiter, defaultConcurrency, runScript, type RunOutcome } from './harness';

/**
 * Every runnable fixture input, rewritten by all transforms together (what the awaitify
 * command does by default), must run exactly as the input: this is where the transforms'
 * interplay shows (a callback body that waits on a timer, a timer chain that reads a file).
 * Inputs the default run leaves unchanged need no second run.
 */
interface Case {
  id: string;
  ext: string;
  input: string;
  output: string;
  findings: Finding[];
}

const cases: Case[] = [];
for (const fixture of discoverFixtures()) {
  if (!runnableExtensions.includes(fixture.ext)) continue;
  const input = readText(fixture.inputPath);
  if (hasNoRunMarker(input)) continue;
  const result = transformSource(input, { path: fixture.inputFileName, ...fixtureOptions(input) });
  if (result.status === 'changed' && result.output !== undefined) cases.push({ id: fixture.id, ext: fixture.ext, input, output: result.output, findings: result.findings });
}

const runs = new Map<string, { before: RunOutcome; after: RunOutcome }>();

beforeAll(async () => {
  const limit = createLimiter(defaultConcurrency());
  await Promise.all(cases.map(async (item) => {
    const [before, after] = await Promise.all([
      limit(() => runScript(item.input, { ext: item.ext })),
      limit(() => runScript(item.output, { ext: item.ext })),
    ]);
    runs.set(item.id, { before, after });
  }));
});

describe('execution with every transform at once', () => {
  it('has fixtures that the default run rewrites', () => {
    expect(cases.length).toBeGreaterThan(50);
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
