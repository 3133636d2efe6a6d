import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareRuns, createLimiter, differences, normalizeOutput, runScript, sandboxDir, type RunOutcome, type TraceLine } from './harness';
import { mergeStreams } from './trace';

const dir = '/tmp/awaitify-exec-abc123';
const errorProps = ['  errno: -2,', "  code: 'ENOENT',", '}'];

function outcome(stdout: string[], stderr: string[] = [], exitCode = 0, merged?: TraceLine[], files: string[] = []): RunOutcome {
  const tagged = merged ?? [...stdout.map((text) => ({ stream: 'out' as const, text, line: 1 })), ...stderr.map((text) => ({ stream: 'err' as const, text, line: 1 }))];
  return { stdout, stderr, exitCode, signal: null, timedOut: false, merged: tagged, files, rawStdout: '', rawStderr: '', rawWrites: [], durationMs: 1 };
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

  it('keeps program lines that look like frames: no :line:col, or no error header before them', () => {
    const text = ['  at step 1', '    at work (app.js:1:2)', 'Error: boom', '  at step 2', '    at f (<file>:3:9)', '    at new Promise (<anonymous>)', 'done'].join('\n');
    expect(normalizeOutput(text, [dir], 'fixture.js')).toEqual(['  at step 1', '    at work (app.js:1:2)', 'Error: boom', '  at step 2', 'done']);
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

describe('the merged stream', () => {
  const raw = { out: 'a\nb\n', err: 'E\n' };

  it('keeps the order of both streams, cuts writes into lines and appends what no write recorded', () => {
    const writes = [
      { s: 'out' as const, t: 'a', l: 3 },
      { s: 'err' as const, t: 'E\n', l: 4 },
      { s: 'out' as const, t: '\nb\n', l: 5 },
    ];
    expect(mergeStreams(writes, { out: raw.out, err: 'E\ncrash\n' }, [dir], 'fixture.js')).toEqual([
      { stream: 'out', text: 'a', line: 3 },
      { stream: 'err', text: 'E', line: 4 },
      { stream: 'out', text: 'b', line: 5 },
      { stream: 'err', text: 'crash', line: null },
    ]);
  });

  it('is unknown when the writes do not account for a stream', () => {
    expect(mergeStreams([{ s: 'out', t: 'b\n', l: 1 }], raw, [dir], 'fixture.js')).toBeUndefined();
  });

  it('is compared in order: stdout and stderr each alike, interleaved otherwise, is a difference', () => {
    const first = outcome(['a'], ['E'], 0, [{ stream: 'out', text: 'a', line: 1 }, { stream: 'err', text: 'E', line: 2 }]);
    const second = outcome(['a'], ['E'], 0, [{ stream: 'err', text: 'E', line: 2 }, { stream: 'out', text: 'a', line: 1 }]);
    expect(differences(first, second).map((difference) => difference.part)).toEqual(['merged']);
    expect(compareRuns(first, second)).toContain('merged stdout+stderr order differs');
  });

  it('compares script lines only when asked', () => {
    const first = outcome(['a'], [], 0, [{ stream: 'out', text: 'a', line: 1 }]);
    const moved = outcome(['a'], [], 0, [{ stream: 'out', text: 'a', line: 7 }]);
    expect(compareRuns(first, moved)).toBeUndefined();
    expect(compareRuns(first, moved, undefined, { scriptLines: true })).toContain('[out]@1 a');
  });
});

describe('sandbox files', () => {
  it('are compared: a lost write is a difference', () => {
    const wrote = outcome(['a'], [], 0, undefined, ['out.txt  2 bytes  sha256:8f434346648f6b96']);
    expect(differences(wrote, outcome(['a'])).map((difference) => difference.part)).toEqual(['files']);
  });
});

describe('runScript', () => {
  it('records the stream, text and script line of every write in real node, CommonJS and ESM', async () => {
    const cjs = await runScript("function log(x) { console.log(x); }\nconsole.error('e');\nlog('  at step 1');\nrequire('fs').writeFileSync('out.txt', 'hi');\n", { ext: 'js' });
    expect(cjs.merged).toEqual([
      { stream: 'err', text: 'e', line: 2 },
      { stream: 'out', text: '  at step 1', line: 1 },
    ]);
    expect(cjs.files).toContain('out.txt  2 bytes  sha256:8f434346648f6b96');
    const esm = await runScript("await null;\nprocess.stdout.write('x' + String(process.env.AWAITIFY_TRACE_FILE) + '\\n');\n", { ext: 'mjs' });
    expect(esm.merged).toEqual([{ stream: 'out', text: 'xundefined', line: 2 }]);
  });

  it('runs the script in a full copy of sandbox/: every file and folder with its content, without .gitignore', async () => {
    const listing = "const fs = require('fs');\nconst walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? [d + '/' + e.name + '/', ...walk(d + '/' + e.name)] : [d + '/' + e.name + ' ' + fs.readFileSync(d + '/' + e.name, 'utf8').length]);\nconsole.log(walk('.').filter((e) => !e.startsWith('./fixture.js')).sort().join('\\n'));\n";
    const run = await runScript(listing, { ext: 'js' });
    const expected = readdirSync(sandboxDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.name !== '.gitignore')
      .map((entry) => {
        const relative = './' + join(entry.parentPath, entry.name).slice(sandboxDir.length + 1);
        return entry.isDirectory() ? `${relative}/` : `${relative} ${readFileSync(join(entry.parentPath, entry.name), 'utf8').length}`;
      })
      .sort();
    expect(expected.length).toBeGreaterThan(5);
    expect(run.stdout).toEqual(expected);
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
