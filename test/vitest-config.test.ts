import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import config, { slowFirst } from '../vitest.config.mjs';

/**
 * `npm test` must stay under 5 minutes on 2 cores, where vitest's own default (cores - 1) runs
 * the files in one worker, one after another, while the slow ones mostly wait on node children.
 */
describe('vitest configuration', () => {
  it('runs test files in at least two workers, one per core', () => {
    expect(config.test?.maxWorkers).toBe(Math.max(2, availableParallelism()));
  });

  it('starts the slow files first, and each one it names exists (a renamed file would drop out of the list)', () => {
    expect(config.test?.sequence?.sequencer).toBeDefined();
    expect(slowFirst.filter((file) => !existsSync(resolve(__dirname, '..', file)))).toEqual([]);
  });
});
