import { describe, expect, it } from 'vitest';
import { buildReport, summarize } from '../src/report/build-report';
import { createFileDiff } from '../src/report/diff';
import { describeFileError } from '../src/report/file-error';
import { formatReport } from '../src/report/format';
import type { FileResult, Finding, Report } from '../src/types';

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'timing/callback-moved-to-microtask',
    severity: 'info',
    message: 'The callback body now runs as a promise job.',
    path: 'src/a.js',
    line: 2,
    column: 1,
    endLine: 5,
    endColumn: 3,
    transform: 'callbacks-to-async',
    applied: true,
    ...overrides,
  };
}

const changed: FileResult = {
  path: 'src/a.js',
  status: 'changed',
  source: 'a();\nb(function (err) {});\nc();\n',
  output: 'a();\nawait b();\nc();\n',
  findings: [finding(), finding({ ruleId: 'timing/callback-uses-this', severity: 'warning', line: 7, column: 3, applied: false, message: 'uses | this' })],
};
const unchanged: FileResult = { path: 'src/b.js', status: 'unchanged', source: 'x();\n', findings: [] };
const failed: FileResult = {
  path: 'src/bad.js',
  status: 'error',
  source: 'const x = ;\n',
  findings: [],
  error: { message: 'src/bad.js: cannot parse: Unexpected token (1:10)', line: 1, column: 11 },
};
const skipped: FileResult = { path: 'notes.txt', status: 'skipped', findings: [], reason: 'extension ".txt" is not one of .js' };

function sampleReport(): Report {
  return buildReport([unchanged, failed, changed, skipped], '/project');
}

describe('buildReport', () => {
  it('sorts files by path and counts statuses and findings by rule', () => {
    const report = sampleReport();
    expect(report.files.map((file) => file.path)).toEqual(['notes.txt', 'src/a.js', 'src/b.js', 'src/bad.js']);
    expect(report.cwd).toBe('/project');
    expect(report.summary).toEqual({
      scanned: 4,
      changed: 1,
      unchanged: 1,
      skipped: 1,
      failed: 1,
      findings: 2,
      findingsByRule: { 'timing/callback-moved-to-microtask': 1, 'timing/callback-uses-this': 1 },
      suppressed: 0,
    });
  });

  it('summarizes an empty list', () => {
    expect(summarize([])).toMatchObject({ scanned: 0, changed: 0, findings: 0, findingsByRule: {} });
  });
});

describe('createFileDiff', () => {
  it('makes a unified diff with a/ and b/ headers for a changed file', () => {
    const diff = createFileDiff(changed);
    expect(diff.split('\n').slice(0, 3)).toEqual(['--- a/src/a.js', '+++ b/src/a.js', '@@ -1,3 +1,3 @@']);
    expect(diff).toContain('-b(function (err) {});\n+await b();\n');
  });

  it('is empty for files that did not change', () => {
    expect(createFileDiff(unchanged)).toBe('');
    expect(createFileDiff(failed)).toBe('');
  });
});

describe('describeFileError', () => {
  it('names file, line and column once', () => {
    expect(describeFileError(failed)).toBe('src/bad.js:1:11: cannot parse: Unexpected token (1:10)');
  });

  it('leaves out what is not known', () => {
    const unreadable: FileResult = { path: 'x.js', status: 'error', findings: [], error: { message: 'x.js: cannot read the file (EACCES)' } };
    expect(describeFileError(unreadable)).toBe('x.js: cannot read the file (EACCES)');
  });
});

describe('formatReport json', () => {
  it('is the canonical shape: files with findings and errors, then the summary; no texts', () => {
    const parsed = JSON.parse(formatReport(sampleReport(), 'json'));
    expect(Object.keys(parsed)).toEqual(['files', 'summary']);
    expect(parsed.files[1]).toEqual({
      path: 'src/a.js',
      status: 'changed',
      findings: [
        {
          ruleId: 'timing/callback-moved-to-microtask',
          severity: 'info',
          message: 'The callback body now runs as a promise job.',
          line: 2,
          column: 1,
          endLine: 5,
          endColumn: 3,
          applied: true,
        },
        expect.objectContaining({ ruleId: 'timing/callback-uses-this', applied: false }),
      ],
    });
    expect(parsed.files[3]).toEqual({
      path: 'src/bad.js',
      status: 'error',
      findings: [],
      error: { message: 'src/bad.js: cannot parse: Unexpected token (1:10)', line: 1, column: 11 },
    });
    expect(parsed.files[0]).toEqual({ path: 'notes.txt', status: 'skipped', findings: [], reason: 'extension ".txt" is not one of .js' });
    expect(parsed.summary).toEqual(sampleReport().summary);
  });
});

describe('formatReport text', () => {
  it('shows the diff, findings with locations, errors with file:line:column and the summary', () => {
    const text = formatReport(sampleReport(), 'text');
    expect(text).toContain('--- a/src/a.js\n+++ b/src/a.js\n');
    expect(text).toContain('  2:1  info     timing/callback-moved-to-microtask  The callback body now runs as a promise job. [rewritten]');
    expect(text).toContain('  7:3  warning  timing/callback-uses-this           uses | this [left as is]');
    expect(text).toContain('error src/bad.js:1:11: cannot parse: Unexpected token (1:10)');
    expect(text).toContain('skipped notes.txt: extension ".txt" is not one of .js');
    expect(text).toContain('Scanned 4 files: 1 changed, 1 unchanged, 1 skipped, 1 failed.');
    expect(text).toContain('Findings: 2.\n  timing/callback-moved-to-microtask  1\n  timing/callback-uses-this           1\n');
    expect(text).not.toContain('\u001b[');
  });

  it('sums up the findings of one rule in a line', () => {
    const report = sampleReport();
    report.files = report.files.map((file) => ({ ...file, findings: file.findings.filter((finding) => finding.ruleId === 'timing/callback-uses-this') }));
    const text = formatReport(buildReport(report.files, '/p'), 'text');
    expect(text).toContain('Findings: 1 (timing/callback-uses-this 1).\n');
  });

  it('wraps long messages to the width given, under the message column, paths never broken', () => {
    const report = sampleReport();
    const long = 'word '.repeat(30).trim();
    report.files = report.files.map((file) => ({ ...file, findings: file.findings.map((finding) => ({ ...finding, message: long })) }));
    const lines = formatReport(report, 'text', { width: 100, diffs: false }).split('\n');
    const findingLines = lines.filter((line) => line.includes('word'));
    expect(findingLines.length).toBeGreaterThan(2);
    for (const line of findingLines) expect(line.length).toBeLessThanOrEqual(100);
    // Too narrow to hang under the message: a short indent, still within the width.
    for (const line of formatReport(report, 'text', { width: 60, diffs: false }).split('\n').filter((l) => l.includes('word'))) {
      expect(line.length).toBeLessThanOrEqual(60);
    }
    const column = lines.find((line) => line.startsWith('  2:1'))!.indexOf('word');
    expect(findingLines[1].indexOf('word')).toBe(column);
    expect(formatReport(report, 'text', { diffs: false })).toContain(`${long} [rewritten]`);
  });

  it('leaves diffs out when asked', () => {
    expect(formatReport(sampleReport(), 'text', { diffs: false })).not.toContain('+++ b/src/a.js');
  });

  it('colours only when asked', () => {
    const text = formatReport(sampleReport(), 'text', { color: true });
    expect(text).toContain('\u001b[32m+await b();\u001b[39m');
    expect(text).toContain('\u001b[31m-b(function (err) {});\u001b[39m');
  });

  it('says so when there are no findings', () => {
    expect(formatReport(buildReport([unchanged], '/p'), 'text')).toBe('Scanned 1 file: 0 changed, 1 unchanged, 0 skipped, 0 failed.\nFindings: none.\n');
  });
});

describe('formatReport markdown', () => {
  const markdown = formatReport(sampleReport(), 'markdown');

  it('has a summary table and a findings-by-rule table', () => {
    expect(markdown).toContain('| Scanned | Changed | Unchanged | Skipped | Failed | Findings | Suppressed |\n| --- | --- | --- | --- | --- | --- | --- |\n| 4 | 1 | 1 | 1 | 1 | 2 | 0 |');
    expect(markdown).toContain('| `timing/callback-uses-this` | 1 |');
  });

  it('has a findings table with escaped cells', () => {
    expect(markdown).toContain('| `src/a.js:7:3` | `timing/callback-uses-this` | warning | left as is | uses \\| this |');
  });

  it('lists files that were not processed', () => {
    expect(markdown).toContain('- src/bad.js:1:11: cannot parse: Unexpected token (1:10)');
    expect(markdown).toContain('- `notes.txt` skipped: extension ".txt" is not one of .js');
  });

  it('folds each diff into a details section', () => {
    expect(markdown).toContain('<details>\n<summary><code>src/a.js</code></summary>\n\n```diff\n--- a/src/a.js\n');
    expect(markdown).toContain('+await b();\n c();\n```\n\n</details>');
  });

  it('fences a diff that holds backticks with a longer fence', () => {
    const withTicks: FileResult = { ...changed, source: 'a(`x`);\n', output: 'b(```x```);\n' };
    expect(formatReport(buildReport([withTicks], '/p'), 'markdown')).toContain('````diff\n');
  });
});
