import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../src/engine/run';
import type { Report, RunOptions } from '../src/types';

// docs/before-after.md is generated from examples/ (scripts/before-after.js): a change to
// awaitify's output or to the examples must come with the page regenerated.

const load = createRequire(__filename);
const script = load('../scripts/before-after.js') as { beforeAfter(run: (options: RunOptions) => Promise<Report>): Promise<string>; target: string };

describe('docs/before-after.md', () => {
  it('is what scripts/before-after.js makes from examples/ today (npm run docs:before-after)', async () => {
    const fresh = await script.beforeAfter(run);
    expect(fresh).toContain('## examples/');
    expect(readFileSync(script.target, 'utf8'), 'docs/before-after.md is stale: run npm run docs:before-after').toBe(fresh);
  });
});
