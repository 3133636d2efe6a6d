import { describe, expect, it } from 'vitest';
import { compareRuns, createLimiter, normalizeOutput, type RunOutcome } from './harness';

const dir = '/tmp/awaitify-exec-abc123';
const errorProps = ['  errno: -2,', "  code: 'ENOENT',", '}'];

function outcome(stdout: string[], stderr: string[] = [], exitCode = 0): RunOutcome {
  return { stdout, stderr, exitCode, signal: null, timedOut: false, rawStdout: '', rawStderr: '', durationMs: 1 };
}

describe('normalizeOutput', () => {
  it('makes an uncaught callback error and the same error as an unhandled rejection compare equal', () => {
    const uncaught = [
      `${dir}/fixture.js:3`,
      '  if (err) throw err;',
      '           ^',
      '',
      "[Error: ENOENT: no such file or directory, open 'missing.txt'] {",
      ...errorProps,
      '',
      'Node.js v20.20.2',
      '',
    ].join('\n');
    const rejection = [
      'node:internal/fs/promises:637',
      '  return new FileHandle(await PromisePrototypeThen(',
      '                        ^',
      '',
      "Error: ENOENT: no such file or directory, open 'missing.txt'",
      '    at async open (node:internal/fs/promises:637:25)',
      `    at async ${dir}/fixture.js:3:16 {`,
      ...errorProps,
      '',
      'Node.js v20.20.2',
      '',
    ].join('\n');
    const expected = ["Error: ENOENT: no such file or directory, open 'missing.txt' {", ...errorProps];
    expect(normalizeOutput(uncaught, [dir], 'fixture.js')).toEqual(expected);
    expect(normalizeOutput(rejection, [dir], 'fixture.js')).toEqual(expected);
  });

  it('hides temp dirs (also as file URLs), the script path and warning pids', () => {
    const text = `file://${dir}/fixture.mjs\n${dir}/out/a.txt\n(node:4242) Warning: something\n`;
    expect(normalizeOutput(text, [dir], 'fixture.mjs')).toEqual(['<file>', '<dir>/out/a.txt', '(node:<pid>) Warning: something']);
  });

  it('keeps ordinary output, blank lines included, and drops only the trailing newline', () => {
    expect(normalizeOutput('a\n\nb\n', [dir], 'fixture.js')).toEqual(['a', '', 'b']);
  });
});

describe('compareRuns', () => {
  it('accepts equal runs and reports reordered lines and exit codes', () => {
    expect(compareRuns(outcome(['a', 'b']), outcome(['a', 'b']))).toBeUndefined();
    const report = compareRuns(outcome(['a', 'b']), outcome(['b', 'a'], [], 1)) ?? '';
    expect(report).toContain('exit differs: before: exit code 0; after: exit code 1');
    expect(report).toContain(['stdout differs (- before, + after):', '  - a', '    b', '  + a'].join('\n'));
  });
});

describe('createLimiter', () => {
  it('never runs more than the limit at once', async () => {
    const limit = createLimiter(2);
    let active = 0;
    let peak = 0;
    const task = async () => {
      active += 1;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, 5));
      active -= 1;
    };
    await Promise.all(Array.from({ length: 6 }, () => limit(task)));
    expect(peak).toBe(2);
  });
});
