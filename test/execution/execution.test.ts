import { beforeAll, describe, expect, it } from 'vitest';
import { transformSource } from '../../src/engine/transform-source';
import { renameCallbackParams, restoreNames } from '../helpers/rename-params';
import {
  discoverFixtures,
  expectedExitCode,
  expectedOutputDifference,
  readExpectedFindings,
  fixtureOptions,
  hasNoRunMarker,
  noRunMarker,
  readText,
  runnableExtensions,
  type Fixture,
} from '../helpers/fixtures';
import { compareTraces, describeComparison, flaggedSpans, tracedRun, type FlagSpan } from './flagged-difference';
import { compareRuns, createLimiter, defaultConcurrency, describeRun, differences, formatTraceLine, type RunOutcome } from './harness';
import { allTransformsPlan, describeAllTransforms } from './all-transforms';
import { runFixtureSource, runFixtureSourceOnce, sharedRunStats } from './transpile';

/**
 * Runs every runnable fixture (js, cjs, mjs) in real node, input and expected output, each in
 * its own copy of sandbox/, and requires the same stdout, stderr and exit after normalisation.
 * `no-transform-*` inputs run once to show they run. Fixtures with the no-run marker comment
 * are skipped. `AWAITIFY_EXEC_REPEAT=<n>` runs every input n times and requires the runs to
 * agree (script lines included): use it to check a new fixture is deterministic. It repeats
 * only inputs whose run is compared with another (an output, a renamed rewrite, the rewrite of
 * all transforms): the stability of an input that no rewrite changes protects no comparison,
 * and repeating those refusals cost a seventh of the CI run's node processes. The rewrite
 * of each input with its callback parameters renamed must run like the input too; when it is
 * the expected output itself once the new names are put back (the same program up to the
 * names), it is not run again: the output's run already stands for it.
 */

interface Planned {
  fixture: Fixture;
  input: string;
  output?: string;
  /** The rewrite of the input with its callback parameters renamed (test/rename-params.test.ts). */
  renamedOutput?: string;
  /** The renamed rewrite is the expected output up to the new names: its run would be the output's. */
  renamedIsOutput: boolean;
  /** The rule whose applied finding says the output runs differently (expectedOutputDifference). */
  differsBy?: string;
  /** Where a convert-and-flag rule applied: lines printed there may move (the flagged-difference rule). */
  flagged: FlagSpan[];
  /** The input's run is compared with another run: the stability check repeats it. */
  compared: boolean;
}

/** The spans of the applied convert-and-flag findings of the fixture's own rewrite. */
function flaggedSpansOf(fixture: Fixture, input: string): FlagSpan[] {
  const result = transformSource(input, { path: fixture.inputFileName, transforms: [fixture.transformId], ...fixtureOptions(input) });
  return flaggedSpans(result.findings);
}

/** The merged lines as a sorted list: a multiset. */
function lineMultiset(run: RunOutcome): string[] {
  return (run.merged ?? []).map((line) => formatTraceLine(line)).sort();
}

function rewriteRenamed(fixture: Fixture, input: string, output: string | undefined): { renamedOutput?: string; renamedIsOutput: boolean } {
  const renamed = renameCallbackParams(input, fixture.inputFileName);
  if (renamed.renamed === 0) return { renamedIsOutput: false };
  const result = transformSource(renamed.source, { path: fixture.inputFileName, transforms: [fixture.transformId], ...fixtureOptions(input) });
  if (result.status !== 'changed' || result.output === undefined) return { renamedIsOutput: false };
  return { renamedOutput: result.output, renamedIsOutput: output !== undefined && restoreNames(result.output, renamed) === output };
}

const all = discoverFixtures();
const runnable = all.filter((fixture) => runnableExtensions.includes(fixture.ext));
const notRunnable = all.length - runnable.length;
const planned: Planned[] = [];
const noRun: Fixture[] = [];
const changedByAll = new Set(allTransformsPlan().cases.map((item) => item.id));
for (const fixture of runnable) {
  const input = readText(fixture.inputPath);
  if (hasNoRunMarker(input)) noRun.push(fixture);
  else {
    const output = fixture.hasOutput && !fixture.isNoTransform ? readText(fixture.outputPath) : undefined;
    const flagged = output === undefined ? [] : flaggedSpansOf(fixture, input);
    const renamed = rewriteRenamed(fixture, input, output);
    const compared = output !== undefined || renamed.renamedOutput !== undefined || changedByAll.has(fixture.id);
    planned.push({ fixture, input, output, ...renamed, differsBy: expectedOutputDifference(input), flagged, compared });
  }
}
const repeat = Math.max(1, Number.parseInt(process.env.AWAITIFY_EXEC_REPEAT ?? '1', 10) || 1);
const only = process.env.AWAITIFY_EXEC_ONLY;

const inputRuns = new Map<string, RunOutcome[]>();
const outputRuns = new Map<string, RunOutcome>();
const renamedRuns = new Map<string, RunOutcome>();

beforeAll(async () => {
  const limit = createLimiter(defaultConcurrency());
  const jobs: Array<Promise<unknown>> = [];
  for (const { fixture, input, output, renamedOutput, renamedIsOutput, compared } of planned) {
    // A developer's shortcut with `-t <name>`: run only the fixtures whose id holds this text.
    if (only && !fixture.id.includes(only)) continue;
    const runs: RunOutcome[] = [];
    inputRuns.set(fixture.id, runs);
    // The first run is shared with all-transforms.ts; the repeats of the stability check are runs of their own.
    for (let index = 0; index < (compared ? repeat : 1); index += 1) {
      const run = index === 0 ? runFixtureSourceOnce : runFixtureSource;
      jobs.push(limit(() => run(input, fixture)).then((outcome) => (runs[index] = outcome)));
    }
    if (output !== undefined) {
      jobs.push(limit(() => runFixtureSourceOnce(output, fixture)).then((run) => outputRuns.set(fixture.id, run)));
    }
    if (renamedOutput !== undefined && !renamedIsOutput) {
      jobs.push(limit(() => runFixtureSourceOnce(renamedOutput, fixture)).then((run) => renamedRuns.set(fixture.id, run)));
    }
  }
  await Promise.all(jobs);
  // Hundreds of node processes: on a shared two-core machine this can take minutes.
}, 600_000);

function firstInputRun(fixture: Fixture): RunOutcome {
  const run = inputRuns.get(fixture.id)?.[0];
  if (!run) throw new Error(`no run recorded for ${fixture.id}`);
  return run;
}

describe('execution: fixtures run alike before and after the rewrite', () => {
  it(`plans ${planned.length} runnable fixtures (${noRun.length} skipped by "${noRunMarker}")`, () => {
    expect(planned.length + noRun.length).toBe(runnable.length);
    expect(notRunnable, 'every fixture extension runs').toBe(0);
    expect(planned.filter((item) => item.fixture.ext === 'ts' || item.fixture.ext === 'tsx').length, 'TypeScript fixtures run through the transpile step').toBeGreaterThanOrEqual(3);
  });

  it('gives every fixture it does not run a reason after the no-run marker', () => {
    for (const fixture of noRun) expect(readText(fixture.inputPath), fixture.id).toMatch(new RegExp(`${noRunMarker}\\s+\\S`));
  });

  const renamedRun = planned.filter((item) => item.renamedOutput !== undefined && !item.renamedIsOutput).length;
  const renamedAsOutput = planned.filter((item) => item.renamedIsOutput).length;
  it(`runs the rewrites of renamed inputs too (${renamedRun} run, ${renamedAsOutput} the expected output up to the names)`, () => {
    expect(renamedRun + renamedAsOutput).toBeGreaterThan(planned.length / 2);
  });

  it(`repeats the ${planned.filter((item) => item.compared).length} inputs whose run is compared with another (${planned.filter((item) => !item.compared).length} no rewrite changes run once)`, () => {
    // Most inputs are compared: a plan that repeated none would check no fixture's stability.
    expect(planned.filter((item) => item.compared).length).toBeGreaterThan(planned.length / 2);
  });

  for (const { fixture, input, output, renamedOutput, renamedIsOutput, differsBy, flagged, compared } of planned) {
    describe(fixture.id, () => {
      it(`input runs${repeat > 1 && compared ? ` the same ${repeat} times` : ''}`, () => {
        const run = firstInputRun(fixture);
        const expectedExit = expectedExitCode(input);
        expect(run.spawnError, describeRun(run)).toBeUndefined();
        expect(run.timedOut, describeRun(run)).toBe(false);
        expect(run.exitCode, `exit code (declare "// awaitify-fixture: expect-exit <n>" if not 0)\n${describeRun(run)}`).toBe(expectedExit);
        const runs = inputRuns.get(fixture.id) ?? [];
        for (let index = 1; index < runs.length; index += 1) {
          const report = compareRuns(run, runs[index]!, { before: 'run 1', after: `run ${index + 1}` }, { scriptLines: true });
          if (report) expect.fail(`${fixture.id} is not deterministic:\n${report}`);
        }
      });

      if (output !== undefined && differsBy !== undefined) {
        it(`output runs differently, only in order, as its ${differsBy} finding says`, () => {
          const expected = readExpectedFindings(fixture.findingsPath);
          expect(expected.some((finding) => finding.ruleId === differsBy && finding.applied), `${fixture.name}.findings.json has ${differsBy} (applied)`).toBe(true);
          const before = firstInputRun(fixture);
          const after = outputRuns.get(fixture.id);
          if (!after) throw new Error(`no run recorded for ${fixture.outputFileName}`);
          const found = differences(before, after, { before: fixture.inputFileName, after: fixture.outputFileName });
          expect(found.map((difference) => difference.part), 'the output must run differently').toContain('merged');
          expect(found.filter((difference) => !['stdout', 'stderr', 'merged'].includes(difference.part)).map((difference) => difference.report)).toEqual([]);
          expect(lineMultiset(after), 'the same lines, in another order').toEqual(lineMultiset(before));
        });
      }

      if (output !== undefined && differsBy === undefined) {
        it('output behaves like the input', () => {
          const after = outputRuns.get(fixture.id);
          if (!after) throw new Error(`no run recorded for ${fixture.outputFileName}`);
          if (flagged.length > 0) {
            // Exact, but for lines that moved within a span a convert-and-flag finding reports.
            const [before, afterTrace] = [tracedRun(firstInputRun(fixture)), tracedRun(after)];
            const comparison = compareTraces(before, afterTrace, flagged);
            if (!comparison.passes) expect.fail(`${fixture.outputFileName} differs from ${fixture.inputFileName} where no finding flags it:\n${describeComparison(before, afterTrace, comparison)}`);
            return;
          }
          const report = compareRuns(firstInputRun(fixture), after, { before: fixture.inputFileName, after: fixture.outputFileName });
          if (report) expect.fail(`${fixture.outputFileName} behaves differently from ${fixture.inputFileName}:\n${report}`);
        });
      }

      if (renamedOutput !== undefined && !renamedIsOutput) {
        it('the rewrite with renamed callback parameters behaves like the input', () => {
          const after = renamedRuns.get(fixture.id);
          if (!after) throw new Error(`no run recorded for the renamed rewrite of ${fixture.id}`);
          if (flagged.length > 0 && differsBy === undefined) {
            // Renaming keeps every line where it was: the same flagged spans excuse the same moves.
            const [before, afterTrace] = [tracedRun(firstInputRun(fixture)), tracedRun(after)];
            const comparison = compareTraces(before, afterTrace, flagged);
            if (!comparison.passes) expect.fail(`the renamed rewrite of ${fixture.inputFileName} differs where no finding flags it:\n${describeComparison(before, afterTrace, comparison)}`);
            return;
          }
          // A fixture whose output runs differently on purpose is compared with its output's run.
          const reference = differsBy === undefined ? firstInputRun(fixture) : outputRuns.get(fixture.id)!;
          const report = compareRuns(reference, after, { before: differsBy === undefined ? fixture.inputFileName : fixture.outputFileName, after: 'renamed rewrite' });
          if (report) expect.fail(`the rewrite of ${fixture.inputFileName} with renamed callback parameters behaves differently:\n${report}\n\n${renamedOutput}`);
        });
      }
    });
  }
});

// Every fixture rewritten by all transforms together, in this process: it shares the runs above.
describeAllTransforms();

describe('runs shared between the fixture runs and all-transforms', () => {
  it('runs a script that both need once: the inputs, and outputs all transforms write as the fixture expects', () => {
    const { calls, runs } = sharedRunStats();
    console.log(`execution: ${runs} shared runs for ${calls} calls (${calls - runs} node processes saved)`);
    // Each input all-transforms runs was run above already, so at least that many calls were answered from a run made.
    expect(calls - runs, `${calls} calls, ${runs} runs`).toBeGreaterThan(planned.length / 2);
  });
});
