import { describe, expect, it } from 'vitest';
import { transformSource } from '../src/engine/transform-source';
import type { FileResult } from '../src/types';
import { discoverFixtures, fixtureOptions, readText } from './helpers/fixtures';
import { renameCallbackParams } from './helpers/rename-params';

/**
 * awaitify decides when code runs from what calls it, never from what a parameter is called:
 * every fixture input, with its callback parameters renamed (helpers/rename-params.ts: array,
 * promise, timer and emitter callbacks swap error-looking and plain names), must get the same
 * decisions: the same status and the same findings (rule, line, applied). That the renamed
 * rewrites also run like the inputs is checked in test/execution/execution.test.ts.
 */

function decisions(result: FileResult): string[] {
  return [...result.findings, ...(result.suppressed ?? [])].map((finding) => `${finding.line} ${finding.ruleId} ${finding.applied ? 'applied' : 'refused'}`).sort();
}

const fixtures = discoverFixtures();
let renamedTotal = 0;

describe('renamed callback parameters change no decision', () => {
  for (const fixture of fixtures) {
    it(fixture.id, () => {
      const input = readText(fixture.inputPath);
      const renamed = renameCallbackParams(input, fixture.inputFileName);
      renamedTotal += renamed.renamed;
      const options = { path: fixture.inputFileName, transforms: [fixture.transformId], ...fixtureOptions(input) };
      const before = transformSource(input, options);
      const after = transformSource(renamed.source, options);
      expect(after.status, `status with renamed parameters:\n${renamed.source}`).toBe(before.status);
      expect(decisions(after), `findings with renamed parameters:\n${renamed.source}`).toEqual(decisions(before));
    });
  }

  it('renamed parameters in most fixtures (the test is not empty)', () => {
    expect(renamedTotal).toBeGreaterThan(fixtures.length);
  });
});
