import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import config from '../vitest.config.mjs';

/**
 * `npm test` must stay under 5 minutes on 2 cores, where vitest's own default (cores - 1) runs
 * the files in one worker, one after another, while the slow ones mostly wait on node children.
 */
describe('vitest configuration', () => {
  it('runs test files in at least two workers, one per core', () => {
    expect(config.test?.maxWorkers).toBe(Math.max(2, availableParallelism()));
  });
});
