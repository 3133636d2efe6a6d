import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * One test file per core, at least two. Vitest's default is one fewer than the cores: a single
 * worker on a 2-core machine, which ran the files one after another while most of the slow ones
 * wait on node children (the execution and fuzz runs, npm install, the built command).
 */
const maxWorkers = Math.max(2, availableParallelism());

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    maxWorkers,
  },
});
