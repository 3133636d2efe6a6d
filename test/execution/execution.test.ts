import { beforeAll, describe, expect, it } from 'vitest';
import {
  discoverFixtures,
  expectedExitCode,
  hasNoRunMarker,
  noRunMarker,
  readText,
  runnableExtensions,
  type Fixture,
} from '../helpers/fixtures';
import { compareRuns, createLimiter, defaultConcurrency, describeRun, runScript, type RunOutcome } from './harness';

/**
 * Runs every runnable fixture (js, cjs, mjs) in real node, input and expected output, each in
 * its own copy of sandbox/, and requires the same stdout, stderr and exit after normalisation.
 * `no-transform-*` inputs run once to show they run. Fixtures with the no-run marker comment
 * are skipped. `AWAITIFY_EXEC_REPEAT=<n>` runs every input n times and requires the runs to
 * agree: use it to check a new fixture is deterministic.
 */

interface Planned {
  fixture: Fixture;
  input: string;
  output?: string;
}

const all = discoverFixtures();
const runnable = all.filter((fixture) => runnableExtensions.includes(fixture.ext));
const notRunnable = all.length - runnable.length;
const planned: Planned[] = [];
const noRun: Fixture[] = [];
for (const fixture of runnable) {
  const input = readText(fixture.inputPath);
  if (hasNoRunMarker(input)) noRun.push(fixture);
  else planned.push({ fixture, input, output: fixture.hasOutput && !fixture.isNoTransform ? readText(fixture.outputPath) : undefined });
}
const repeat = Math.max(1, Number.parseInt(process.env.AWAITIFY_EXEC_REPEAT ?? '1', 10) || 1);

const inputRuns = new Map<string, RunOutcome[]>();
const outputRuns = new Map<string, RunOutcome>();

beforeAll(async () => {
  const limit = createLimiter(defaultConcurrency());
  const jobs: Array<Promise<unknown>> = [];
  for (const { fixture, input, output } of planned) {
    const runs: RunOutcome[] = [];
    inputRuns.set(fixture.id, runs);
    for (let index = 0; index < repeat; index += 1) {
      jobs.push(limit(() => runScript(input, { ext: fixture.ext })).then((run) => (runs[index] = run)));
    }
    if (output !== undefined) {
      jobs.push(limit(() => runScript(output, { ext: fixture.ext })).then((run) => outputRuns.set(fixture.id, run)));
    }
  }
  await Promise.all(jobs);
});

function firstInputRun(fixture: Fixture): RunOutcome {
  const run = inputRuns.get(fixture.id)?.[0];
  if (!run) throw new Error(`no run recorded for ${fixture.id}`);
  return run;
}

describe('execution: fixtures run alike before and after the rewrite', () => {
  it(`plans ${planned.length} runnable fixtures (${noRun.length} skipped by "${noRunMarker}", ${notRunnable} ts/tsx not run)`, () => {
    expect(planned.length + noRun.length).toBe(runnable.length);
  });

  it('gives every fixture it does not run a reason after the no-run marker', () => {
    for (const fixture of noRun) expect(readText(fixture.inputPath), fixture.id).toMatch(new RegExp(`${noRunMarker}\\s+\\S`));
  });

  for (const { fixture, input, output } of planned) {
    describe(fixture.id, () => {
      it(`input runs${repeat > 1 ? ` the same ${repeat} times` : ''}`, () => {
        const run = firstInputRun(fixture);
        const expectedExit = expectedExitCode(input);
        expect(run.spawnError, describeRun(run)).toBeUndefined();
        expect(run.timedOut, describeRun(run)).toBe(false);
        expect(run.exitCode, `exit code (declare "// awaitify-fixture: expect-exit <n>" if not 0)\n${describeRun(run)}`).toBe(expectedExit);
        const runs = inputRuns.get(fixture.id) ?? [];
        for (let index = 1; index < runs.length; index += 1) {
          const report = compareRuns(run, runs[index]!, { before: 'run 1', after: `run ${index + 1}` });
          if (report) expect.fail(`${fixture.id} is not deterministic:\n${report}`);
        }
      });

      if (output !== undefined) {
        it('output behaves like the input', () => {
          const after = outputRuns.get(fixture.id);
          if (!after) throw new Error(`no run recorded for ${fixture.outputFileName}`);
          const report = compareRuns(firstInputRun(fixture), after, { before: fixture.inputFileName, after: fixture.outputFileName });
          if (report) expect.fail(`${fixture.outputFileName} behaves differently from ${fixture.inputFileName}:\n${report}`);
        });
      }
    });
  }
});
