import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * One test file per core, at least two. Vitest's default is one fewer than the cores: a single
 * worker on a 2-core machine, which ran the files one after another while most of the slow ones
 * wait on node children (the execution and fuzz runs, npm install, the built command).
 */
const maxWorkers = Math.max(2, availableParallelism());

/**
 * The files that take longest, longest first. On a fresh clone vitest has no timings cached and
 * ran the files in listing order, so a slow file started last (CI saw bench.test.ts finish a
 * minute after the others); starting the long ones first lets the short ones fill the gaps.
 */
export const slowFirst = [
  'test/execution/execution.test.ts',
  'test/fuzz/fuzz.test.ts',
  'test/fuzz/mutations.test.ts',
  'test/triggers.test.ts',
  'test/jscodeshift.test.ts',
  'test/bench.test.ts',
  'test/real-code.test.ts',
  'test/policy.test.ts',
];

class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const index = slowFirst.indexOf(relative(spec.project.config.root, spec.moduleId).replaceAll('\\', '/'));
      return index === -1 ? slowFirst.length : index;
    };
    // Array#sort is stable: the files not listed keep vitest's own order after the listed ones.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    maxWorkers,
    // Test files share a worker's loaded modules: each file loading typescript, babel and recast
    // anew cost about a minute of CPU over a run. No test changes the process's state (cwd,
    // environment, mocks), which is what isolation would protect.
    isolate: false,
    sequence: { sequencer: SlowFirstSequencer },
  },
});
