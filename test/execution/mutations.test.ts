import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectedExitCode } from '../helpers/fixtures';
import { compareRuns, createLimiter, defaultConcurrency, describeRun, runScript, type RunOutcome } from './harness';

/**
 * Proves the execution harness catches order mistakes: each folder under mutations/ holds a
 * before.js, a hand-written WRONG rewrite wrong.js that the harness must report as a mismatch,
 * and optionally a correct rewrite correct.js that must compare equal. before.js is run twice
 * to show that its output is stable, so a mismatch is the mutation and not noise.
 */

const mutationsDir = join(__dirname, 'mutations');
const versions = ['before', 'before-again', 'wrong', 'correct'] as const;
type Version = (typeof versions)[number];

interface MutationCase {
  name: string;
  files: Partial<Record<Version, string>>;
}

const cases: MutationCase[] = readdirSync(mutationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()
  .map((name) => {
    const files: Partial<Record<Version, string>> = {};
    for (const version of ['before', 'wrong', 'correct'] as const) {
      const path = join(mutationsDir, name, `${version}.js`);
      if (existsSync(path)) files[version] = readFileSync(path, 'utf8');
    }
    files['before-again'] = files.before;
    return { name, files };
  });

const outcomes = new Map<string, RunOutcome>();
const key = (name: string, version: Version) => `${name}/${version}`;

beforeAll(async () => {
  const limit = createLimiter(defaultConcurrency());
  const jobs: Array<Promise<void>> = [];
  for (const { name, files } of cases) {
    for (const version of versions) {
      const source = files[version];
      if (source === undefined) continue;
      jobs.push(limit(() => runScript(source, { ext: 'js' })).then((outcome) => void outcomes.set(key(name, version), outcome)));
    }
  }
  await Promise.all(jobs);
});

function outcome(name: string, version: Version): RunOutcome {
  const found = outcomes.get(key(name, version));
  if (!found) throw new Error(`no run recorded for ${key(name, version)}`);
  return found;
}

describe('mutations: the execution harness reports wrong rewrites', () => {
  it('has the seeded cases, each with before.js and wrong.js', () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
    for (const { name, files } of cases) {
      expect(files.before, `${name}/before.js`).toBeDefined();
      expect(files.wrong, `${name}/wrong.js`).toBeDefined();
    }
    expect(cases.some((mutation) => mutation.files.correct !== undefined), 'at least one correct.js').toBe(true);
  });

  for (const { name, files } of cases) {
    describe(name, () => {
      it('before.js ends as expected and prints the same twice', () => {
        const before = outcome(name, 'before');
        expect(before.timedOut, describeRun(before)).toBe(false);
        expect(before.exitCode, describeRun(before)).toBe(expectedExitCode(files.before ?? ''));
        expect(compareRuns(before, outcome(name, 'before-again'), { before: 'first run', after: 'second run' })).toBeUndefined();
      });

      it('wrong.js is reported as a mismatch', () => {
        const report = compareRuns(outcome(name, 'before'), outcome(name, 'wrong'), { before: 'before.js', after: 'wrong.js' });
        expect(report, `the harness did not tell wrong.js from before.js:\n${describeRun(outcome(name, 'wrong'))}`).toBeDefined();
      });

      if (files.correct !== undefined) {
        it('correct.js compares equal', () => {
          const report = compareRuns(outcome(name, 'before'), outcome(name, 'correct'), { before: 'before.js', after: 'correct.js' });
          if (report) expect.fail(`correct.js behaves differently:\n${report}`);
        });
      }
    });
  }
});
