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

const fixtures = discoverFixtures().map((fixture) => {
  const input = readText(fixture.inputPath);
  return { fixture, input, renamed: renameCallbackParams(input, fixture.inputFileName) };
});

describe('renamed callback parameters change no decision', () => {
  for (const { fixture, input, renamed } of fixtures) {
    it(fixture.id, () => {
      const options = { path: fixture.inputFileName, transforms: [fixture.transformId], ...fixtureOptions(input) };
      const before = transformSource(input, options);
      const after = transformSource(renamed.source, options);
      expect(after.status, `status with renamed parameters:\n${renamed.source}`).toBe(before.status);
      expect(decisions(after), `findings with renamed parameters:\n${renamed.source}`).toEqual(decisions(before));
    });
  }

  it('renames parameters in most fixtures, and swaps name kinds somewhere (the test is not empty)', () => {
    expect(fixtures.filter((item) => item.renamed.renamed > 0).length).toBeGreaterThan(fixtures.length / 2);
    const foreach = fixtures.find((item) => item.fixture.name === 'no-transform-next-tick-in-foreach-callback-named-e');
    expect(foreach?.renamed.source).toContain('[1].forEach((p_rn');
  });
});

describe('renameCallbackParams', () => {
  it('swaps name kinds for array callbacks, keeps them for others, keeps shorthand keys and leaves shadowing names', () => {
    const source = [
      "const text = 'outer';",
      '[1].forEach((e) => log({ e }));',
      "fs.readFile('a', (err, data) => { if (err) throw err; log(data); });",
      "fs.readFile('b', (err, text) => log(text));",
      '',
    ].join('\n');
    const { source: renamed } = renameCallbackParams(source, 'a.js');
    expect(renamed).toContain('[1].forEach((p_rn1) => log({ e: p_rn1 }));');
    expect(renamed).toMatch(/\(err_rn\d+, p_rn\d+\) => \{ if \(err_rn\d+\) throw err_rn\d+; log\(p_rn\d+\); \}/);
    expect(renamed).toMatch(/\(err_rn\d+, text\) => log\(text\)/);
  });
});
