import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectedExitCode } from '../helpers/fixtures';
import {
  compareRuns,
  createLimiter,
  defaultConcurrency,
  describeRun,
  differences,
  formatTraceLine,
  runScript,
  type RunOutcome,
  type RunPart,
} from './harness';

/**
 * Proves the execution harness catches order mistakes: each folder under mutations/ holds a
 * before.js, a hand-written WRONG rewrite wrong.js that the harness must report as a mismatch,
 * and optionally a correct rewrite correct.js that must compare equal. before.js is run twice
 * to show that its output is stable, so a mismatch is the mutation and not noise.
 *
 * A wrong version only counts when it is subtle: it exits like before.js and prints the same
 * lines (as a multiset over both streams), so the only differences are the order of the lines
 * or the files left behind. Its `// awaitify-mutation: caught-by <parts>` comment names the
 * parts that must differ, and no other part may.
 */

const caughtByMarker = /\/\/ awaitify-mutation: caught-by ((?:\w+ ?)+)$/m;

function declaredParts(source: string): RunPart[] {
  const match = caughtByMarker.exec(source);
  return match ? (match[1]!.trim().split(/\s+/) as RunPart[]).sort() : [];
}

/** The merged lines (stream tag and text) as a sorted list: a multiset. */
function lineMultiset(run: RunOutcome): string[] {
  return (run.merged ?? []).map((line) => formatTraceLine(line)).sort();
}

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
}, 600_000);

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

  it('has mutations that only the merged stream and only the sandbox files catch', () => {
    const parts = cases.map(({ files }) => declaredParts(files.wrong ?? '').join(' '));
    expect(parts).toContain('merged');
    expect(parts).toContain('files');
  });

  for (const { name, files } of cases) {
    describe(name, () => {
      it('before.js ends as expected and prints the same twice', () => {
        const before = outcome(name, 'before');
        expect(before.timedOut, describeRun(before)).toBe(false);
        expect(before.exitCode, describeRun(before)).toBe(expectedExitCode(files.before ?? ''));
        expect(compareRuns(before, outcome(name, 'before-again'), { before: 'first run', after: 'second run' })).toBeUndefined();
      });

      it('wrong.js exits the same and prints the same lines, in another order or with other files', () => {
        const before = outcome(name, 'before');
        const wrong = outcome(name, 'wrong');
        expect(wrong.timedOut, describeRun(wrong)).toBe(false);
        expect(wrong.exitCode, `wrong.js must exit like before.js\n${describeRun(wrong)}`).toBe(before.exitCode);
        expect(wrong.merged, describeRun(wrong)).toBeDefined();
        expect(lineMultiset(wrong), 'wrong.js must print the same lines as before.js, as a multiset').toEqual(lineMultiset(before));
      });

      it('wrong.js is reported in exactly the parts its caught-by comment names', () => {
        const declared = declaredParts(files.wrong ?? '');
        expect(declared.length, `${name}/wrong.js needs "// awaitify-mutation: caught-by <parts>"`).toBeGreaterThan(0);
        const found = differences(outcome(name, 'before'), outcome(name, 'wrong'), { before: 'before.js', after: 'wrong.js' });
        const report = found.map((difference) => difference.report).join('\n\n');
        expect(found.map((difference) => difference.part).sort(), `the harness reported:\n${report || '(nothing)'}`).toEqual(declared);
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
