import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { transformSource } from '../src/engine/transform-source';
import type { FileResult } from '../src/types';
import {
  discoverFixtures,
  findLayoutProblems,
  formatFindings,
  isKebabCase,
  isUpdateMode,
  noTransformPrefix,
  projectFindings,
  readExpectedFindings,
  readText,
  fixtureOptions,
  type Fixture,
} from './helpers/fixtures';

const update = isUpdateMode();
const fixtures = discoverFixtures();
const updateHint = 'UPDATE=1 npx vitest run test/fixtures.test.ts';

function run(source: string, path: string, transformId: string): FileResult {
  const result = transformSource(source, { path, transforms: [transformId], ...fixtureOptions(source) });
  if (result.status === 'error') {
    throw new Error(`transformSource failed on ${path}: ${result.error?.message ?? 'no message'}`);
  }
  return result;
}

function checkFindings(fixture: Fixture, result: FileResult): void {
  // A finding an ignore comment silenced was still triggered: fixtures pin it down too.
  const all = [...result.findings, ...(result.suppressed ?? [])];
  const withoutId = all.filter((finding) => finding.messageId === undefined).map((finding) => `${finding.line}:${finding.column} ${finding.ruleId}: ${finding.message}`);
  expect(withoutId, 'every finding names its message by id (src/timing/messages.ts)').toEqual([]);
  const actual = projectFindings(all);
  if (update) writeFileSync(fixture.findingsPath, formatFindings(actual));
  else if (!fixture.hasFindings) throw new Error(`${fixture.id}: no ${fixture.name}.findings.json (an empty array when there are none). Write it with ${updateHint}`);
  expect(actual, `${fixture.name}.findings.json (compared as a set)`).toEqual(readExpectedFindings(fixture.findingsPath));
}

function checkRewrite(fixture: Fixture, result: FileResult): void {
  if (result.status !== 'changed' || result.output === undefined) {
    throw new Error(
      `${fixture.id}: the transform left the input unchanged. Either the transform misses this case, ` +
        `or the fixture is a refusal and must be renamed ${noTransformPrefix}<reason> (with no output file).`,
    );
  }
  if (update) writeFileSync(fixture.outputPath, result.output);
  else if (!fixture.hasOutput) {
    throw new Error(
      `${fixture.id}: no output file ${fixture.outputFileName}. Check the rewrite by hand, then write it with ${updateHint}`,
    );
  }
  const expected = readText(fixture.outputPath);
  expect(result.output, `${fixture.outputFileName} (byte for byte)`).toBe(expected);

  const again = run(expected, fixture.outputFileName, fixture.transformId);
  expect(again.status, `second run over ${fixture.outputFileName} must change nothing (idempotence)`).toBe('unchanged');
}

function checkNoTransform(fixture: Fixture, input: string, result: FileResult): void {
  expect(fixture.hasOutput, `${fixture.id}: a ${noTransformPrefix} fixture has no output file`).toBe(false);
  expect(result.status, `${fixture.id}: the transform must leave this input unchanged`).toBe('unchanged');
  expect(result.output ?? input).toBe(input);
}

describe('fixture layout', () => {
  it('finds fixtures', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  it('names every fixture in kebab-case', () => {
    const bad = fixtures.filter((fixture) => !isKebabCase(fixture.name)).map((fixture) => fixture.id);
    expect(bad, 'fixture names must be kebab-case: lower-case words and digits joined by "-"').toEqual([]);
  });

  it(`gives ${noTransformPrefix}* fixtures no output file`, () => {
    const bad = fixtures.filter((fixture) => fixture.isNoTransform && fixture.hasOutput).map((fixture) => fixture.outputFileName);
    expect(bad, `${noTransformPrefix}* fixtures are refusals: delete their output files`).toEqual([]);
  });

  it('has no stray files (outputs and findings belong to an input; one input per name)', () => {
    expect(findLayoutProblems()).toEqual([]);
  });
});

for (const transformId of [...new Set(fixtures.map((fixture) => fixture.transformId))]) {
  describe(`fixtures: ${transformId}`, () => {
    for (const fixture of fixtures.filter((candidate) => candidate.transformId === transformId)) {
      it(fixture.inputFileName, () => {
        const input = readText(fixture.inputPath);
        const result = run(input, fixture.inputFileName, transformId);
        // Findings first, so that UPDATE=1 writes them even when the rewrite check fails.
        checkFindings(fixture, result);
        if (fixture.isNoTransform) checkNoTransform(fixture, input, result);
        else checkRewrite(fixture, result);
      });
    }
  });
}
