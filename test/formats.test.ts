import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport } from '../src/report/build-report';
import { formatReport } from '../src/report/format';
import { githubCommentLimit } from '../src/report/format-markdown';
import { listRules } from '../src/timing/rules';
import type { FileResult, Finding } from '../src/types';
import { projectRoot, runAwaitify, spawnAwaitify } from './helpers/cli';
import { makeTree, removeTrees } from './temp-trees';

afterAll(removeTrees);


const CALLBACK_SAMPLE = "const fs = require('fs');\nfs.readFile('a.txt', 'utf8', (err, text) => {\n  if (err) throw err;\n  console.log(text);\n});\n";
const SUPPRESSED_SAMPLE =
  "const fs = require('fs');\nfs.readFile('a.txt', 'utf8', (err, text) => {\n  // awaitify-ignore-next-line timing/throw-becomes-rejection -- crashing was a bug anyway\n  if (err) throw err;\n  console.log(text);\n});\n";
const REFUSED_SAMPLE = "const fs = require('fs');\nfs.watch('.', (event, name) => console.log(event, name));\n";

/** A tree with every kind of file outcome: changed, unchanged, refused, suppressed, failed, skipped. */
async function makeMixedTree(): Promise<string> {
  return makeTree({
    'src/a.js': CALLBACK_SAMPLE,
    'src/quiet.js': SUPPRESSED_SAMPLE,
    'src/watch.js': REFUSED_SAMPLE,
    'src/plain.js': 'let x = 1;\n',
    'src/bad.js': 'const x = ;\n',
    'notes.txt': 'not code\n',
  });
}

const reportSchema = JSON.parse(readFileSync(path.join(projectRoot, 'schema/report.schema.json'), 'utf8'));
const validateReport = (() => {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(reportSchema);
})();

const sarifSchema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
const validateSarif = (() => {
  // The official schema is draft-04, and one of its patterns is not valid as a unicode regexp.
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(sarifSchema);
})();

function schemaErrors(validate: typeof validateReport, data: unknown): string[] {
  return validate(data) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

describe('JSON report and its schema', () => {
  it('the schema rejects what it should (it is not a schema that accepts anything)', () => {
    expect(validateReport({ files: [] })).toBe(false);
    expect(validateReport({ files: [], summary: { scanned: 0, changed: 0, unchanged: 0, skipped: 0, failed: 0, findings: 0, findingsByRule: {}, suppressed: 0, extra: 1 } })).toBe(false);
    const finding = { ruleId: 'nope', severity: 'info', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 1, applied: true };
    const summary = { scanned: 1, changed: 0, unchanged: 1, skipped: 0, failed: 0, findings: 1, findingsByRule: {}, suppressed: 0 };
    expect(validateReport({ files: [{ path: 'a.js', status: 'unchanged', findings: [finding] }], summary })).toBe(false);
  });

  it('a dry run over files of every outcome validates', async () => {
    const root = await makeMixedTree();
    const { stdout } = spawnAwaitify(root, ['src', 'notes.txt', '--report', 'json']);
    const report = JSON.parse(stdout);
    expect(schemaErrors(validateReport, report)).toEqual([]);
    expect(report.files.map((file: { status: string }) => file.status).sort()).toEqual(['changed', 'changed', 'error', 'skipped', 'unchanged', 'unchanged']);
    expect(report.summary.suppressed).toBe(1);
  });

  // The runs over examples/ are main() in this process (a spawn of the built command cost 3 s of
  // CPU each); the built command writes each format in the tests over small trees.
  it('scan output over examples/ validates', async () => {
    const report = JSON.parse((await runAwaitify(projectRoot, ['scan', 'examples', '--report', 'json'])).stdout);
    expect(report.summary.scan.sites).toBeGreaterThan(0);
    expect(schemaErrors(validateReport, report)).toEqual([]);
  });
});

describe('SARIF 2.1.0', () => {
  it('the official schema rejects a broken log (the validator is real)', () => {
    expect(validateSarif({ version: '2.1.0', runs: [{ tool: {} }] })).toBe(false);
  });

  it('a dry run over files of every outcome validates, with rules, help and locations', async () => {
    const root = await makeMixedTree();
    const { code, stdout } = spawnAwaitify(root, ['src', '--report', 'sarif']);
    expect(code).toBe(1); // src/bad.js does not parse
    const log = JSON.parse(stdout);
    expect(schemaErrors(validateSarif as unknown as typeof validateReport, log)).toEqual([]);
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(listRules().map((rule) => rule.id));
    for (const rule of run.tool.driver.rules) {
      expect(rule.help?.markdown, `${rule.id} has help from docs/rules.md`).toContain('**What changes.**');
      expect(rule.help.text).not.toContain('```');
    }
    const inA = run.results.filter((result: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => result.locations[0].physicalLocation.artifactLocation.uri === 'src/a.js');
    expect(inA.length).toBeGreaterThan(0);
    expect(inA[0]).toMatchObject({ level: expect.stringMatching(/^(note|warning|error)$/), locations: [{ physicalLocation: { region: { startLine: expect.any(Number), startColumn: expect.any(Number) } } }] });
    expect(run.results.some((result: { ruleId: string; level: string }) => result.ruleId === 'timing/api-not-promisable' && result.level === 'note')).toBe(true);
    const suppressed = run.results.filter((result: { suppressions?: unknown[] }) => result.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]).toMatchObject({ ruleId: 'timing/throw-becomes-rejection', suppressions: [{ kind: 'inSource' }] });
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toContain('src/bad.js');
  });

  it('scan over examples/ validates', async () => {
    const log = JSON.parse((await runAwaitify(projectRoot, ['scan', 'examples', '--report', 'sarif'])).stdout);
    expect(log.runs[0].results.length).toBeGreaterThan(0);
    expect(schemaErrors(validateSarif as unknown as typeof validateReport, log)).toEqual([]);
  });

  it('--report-file *.sarif picks the format from the extension', async () => {
    const root = await makeTree({ 'a.js': CALLBACK_SAMPLE });
    spawnAwaitify(root, ['--report-file', 'out.sarif']);
    expect(JSON.parse(readFileSync(path.join(root, 'out.sarif'), 'utf8')).version).toBe('2.1.0');
  });
});

/** Fences open and close in pairs (a closing fence is at least as long as its opening one), and so do `<details>`. */
function checkBalanced(markdown: string): void {
  let fence: string | undefined;
  let details = 0;
  for (const line of markdown.split('\n')) {
    const run = /^(`{3,})/.exec(line)?.[1];
    if (fence) {
      if (run && run.length >= fence.length && line.trim() === run) fence = undefined;
      continue;
    }
    if (run) {
      fence = run;
      continue;
    }
    details += (line.match(/<details>/g) ?? []).length;
    details -= (line.match(/<\/details>/g) ?? []).length;
    expect(details, 'a </details> before its <details>').toBeGreaterThanOrEqual(0);
  }
  expect(fence, 'a code fence left open').toBeUndefined();
  expect(details, '<details> left open').toBe(0);
}

function hugeReport() {
  const files: FileResult[] = Array.from({ length: 120 }, (_, index) => {
    const lines = Array.from({ length: 200 }, (__, line) => `fs.readFile('f${index}-${line}.txt', (err, text) => { if (err) throw err; use(\`\${text}\`); });`);
    const findings: Finding[] = Array.from({ length: 40 }, (__, line) => ({
      ruleId: 'timing/callback-moved-to-microtask',
      severity: 'info',
      message: 'fs.readFile: the callback body now runs as a promise job | once the operation completes.',
      path: `src/file-${index}.js`,
      line: line + 1,
      column: 1,
      endLine: line + 1,
      endColumn: 80,
      transform: 'callbacks-to-async',
      applied: true,
    }));
    return {
      path: `src/file-${index}.js`,
      status: 'changed',
      source: `${lines.join('\n')}\n`,
      output: `${lines.map((line) => line.replace('fs.readFile', 'await fsp.readFile')).join('\n')}\n`,
      findings,
    };
  });
  return buildReport(files, '/project');
}

describe('Markdown for pull-request comments', () => {
  it('stays under GitHub\'s comment limit with a note, fences and <details> balanced', () => {
    const report = hugeReport();
    const markdown = formatReport(report, 'markdown');
    expect(markdown.length).toBeLessThanOrEqual(githubCommentLimit);
    expect(markdown.length).toBeGreaterThan(githubCommentLimit * 0.8);
    checkBalanced(markdown);
    expect(markdown).toMatch(/findings not shown, to keep the comment under GitHub's limit/);
    expect(markdown).toMatch(/more changed files not shown/);
    expect(markdown).toContain('## Summary');
  });

  it('cuts a single diff that is too long at a line, says so, and closes it', () => {
    const report = hugeReport();
    const one = buildReport([{ ...report.files[0], findings: [], source: report.files[0].source!.repeat(8), output: report.files[0].output!.repeat(8) }], '/p');
    const markdown = formatReport(one, 'markdown');
    expect(markdown.length).toBeLessThanOrEqual(githubCommentLimit);
    expect(markdown).toMatch(/_Diff cut after \d+ of \d+ lines to fit the comment\._/);
    checkBalanced(markdown);
  });

  it('keeps to a smaller limit when asked', () => {
    const markdown = formatReport(hugeReport(), 'markdown', { maxLength: 5000 });
    expect(markdown.length).toBeLessThanOrEqual(5000);
    checkBalanced(markdown);
  });

  it('a small report is whole: no truncation note', async () => {
    const root = await makeTree({ 'a.js': CALLBACK_SAMPLE, 'b.js': 'let b = 2;\n' });
    const { stdout } = spawnAwaitify(root, ['--report', 'markdown']);
    expect(stdout).not.toContain('not shown');
    expect(stdout).not.toContain('b.js'); // unchanged files are not listed
    checkBalanced(stdout);
  });

  it('awaitify examples --report markdown: a readable comment under the limit', async () => {
    const { stdout } = await runAwaitify(projectRoot, ['examples', '--report', 'markdown']);
    expect(stdout.length).toBeLessThanOrEqual(githubCommentLimit);
    expect(stdout).toMatch(/^# awaitify report\n\n## Summary/);
    expect(stdout).toContain('## Findings');
    expect(stdout).toContain('<details>\n<summary><code>examples/app.js</code></summary>');
    checkBalanced(stdout);
  });

  it('awaitify scan --report markdown has the callback-code tables and no diffs', async () => {
    const { stdout } = await runAwaitify(projectRoot, ['scan', 'examples', '--report', 'markdown']);
    expect(stdout).toMatch(/^# awaitify scan\n/);
    expect(stdout).toContain('## Callback code');
    expect(stdout).toContain('| Converts automatically |');
    expect(stdout).toContain('### Pyramids and timer chains');
    expect(stdout).not.toContain('<details>');
    checkBalanced(stdout);
  });
});

describe('text report', () => {
  it('shows a code frame under a refusal', async () => {
    const root = await makeTree({ 'watch.js': REFUSED_SAMPLE });
    const { stdout } = spawnAwaitify(root, []);
    expect(stdout).toContain('watch.js\n  2:1  info  timing/api-not-promisable');
    expect(stdout).toContain("    > 2 | fs.watch('.', (event, name) => console.log(event, name));\n        | ^");
  });
});
