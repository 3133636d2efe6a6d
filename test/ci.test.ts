import { execFileSync, spawnSync } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findSuppressions } from '../src/engine/suppressions';
import { transformSource } from '../src/engine/transform-source';
import { builtBin, projectRoot, runAwaitify } from './helpers/cli';
import { git, makeRepository, makeTree, removeTrees } from './temp-trees';

afterAll(removeTrees);


/** Findings: callback-moved-to-microtask (info) and throw-becomes-rejection (warning); nothing of severity error. */
const CALLBACK_SAMPLE = "const fs = require('fs');\nfs.readFile('a.txt', 'utf8', (err, text) => {\n  if (err) throw err;\n  console.log(text);\n});\n";
/** A different file that converts the same way. */
const OTHER_SAMPLE = CALLBACK_SAMPLE.replace("'a.txt'", "'b.txt'");
const PLAIN = 'let answer = 42;\n';

const awaitify = runAwaitify;

function read(root: string, name: string): string {
  return readFileSync(path.join(root, name), 'utf8');
}

describe('--fail-on', () => {
  it.each([
    ['error', 0],
    ['warning', 1],
    ['info', 1],
  ] as const)('--fail-on %s with an info and a warning finding exits %i', async (severity, expected) => {
    const root = await makeTree({ 'a.js': CALLBACK_SAMPLE });
    const { code, stderr } = await awaitify(root, ['--fail-on', severity]);
    expect(code).toBe(expected);
    if (expected === 1) expect(stderr).toMatch(new RegExp(`--fail-on ${severity}: \\d+ findings? of that severity or above`));
  });

  it('exits 0 when nothing is found, and works with scan', async () => {
    const plain = await makeTree({ 'a.js': PLAIN });
    expect((await awaitify(plain, ['--fail-on', 'info'])).code).toBe(0);
    const callbacks = await makeTree({ 'a.js': CALLBACK_SAMPLE });
    expect((await awaitify(callbacks, ['scan', '--fail-on', 'warning'])).code).toBe(1);
    expect((await awaitify(callbacks, ['scan', '--fail-on', 'error'])).code).toBe(0);
  });

  it('suppressed findings do not count', async () => {
    const quiet = CALLBACK_SAMPLE.replace('  if (err) throw err;', '  // awaitify-ignore-next-line timing/throw-becomes-rejection\n  if (err) throw err;');
    const root = await makeTree({ 'a.js': quiet });
    expect((await awaitify(root, ['--fail-on', 'warning'])).code).toBe(0);
  });

  it('rejects an unknown severity', async () => {
    const root = await makeTree({ 'a.js': PLAIN });
    const { code, stderr } = await awaitify(root, ['--fail-on', 'fatal']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Allowed choices are info, warning, error/);
  });
});

/** main with the first commit, a branch `feature` with a second that changes b.js and adds d.js. */
async function makeTwoCommitRepository(): Promise<string> {
  const root = await makeRepository({ 'a.js': CALLBACK_SAMPLE, 'b.js': PLAIN, 'c.js': CALLBACK_SAMPLE });
  git(root, 'branch', '-M', 'main');
  git(root, 'checkout', '-q', '-b', 'feature');
  await fs.writeFile(path.join(root, 'b.js'), OTHER_SAMPLE);
  await fs.writeFile(path.join(root, 'd.js'), OTHER_SAMPLE);
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'second');
  return root;
}

describe('--changed-since', () => {
  it('runs over the files changed since the merge base only, and --write touches only those', async () => {
    const root = await makeTwoCommitRepository();
    const dryRun = JSON.parse((await awaitify(root, ['--changed-since', 'main', '--report', 'json'])).stdout);
    expect(dryRun.files.map((file: { path: string; status: string }) => `${file.path} ${file.status}`)).toEqual(['b.js changed', 'd.js changed']);
    const written = await awaitify(root, ['--changed-since', 'main', '--write']);
    expect(written.code).toBe(0);
    expect(read(root, 'a.js')).toBe(CALLBACK_SAMPLE);
    expect(read(root, 'c.js')).toBe(CALLBACK_SAMPLE);
    expect(read(root, 'b.js')).not.toBe(OTHER_SAMPLE);
    expect(read(root, 'd.js')).not.toBe(OTHER_SAMPLE);
  });

  it('counts uncommitted and untracked files as changed, and keeps to the paths given', async () => {
    const root = await makeTwoCommitRepository();
    await fs.writeFile(path.join(root, 'e.js'), OTHER_SAMPLE);
    await fs.mkdir(path.join(root, 'lib'));
    await fs.writeFile(path.join(root, 'lib/f.js'), OTHER_SAMPLE);
    const paths = async (args: string[]) =>
      JSON.parse((await awaitify(root, [...args, '--changed-since', 'main', '--report', 'json'])).stdout).files.map((file: { path: string }) => file.path);
    expect(await paths([])).toEqual(['b.js', 'd.js', 'e.js', 'lib/f.js']);
    expect(await paths(['lib'])).toEqual(['lib/f.js']);
  });

  it('exits 2 with a clear message for an unknown ref or outside git', async () => {
    const root = await makeTwoCommitRepository();
    const badRef = await awaitify(root, ['--changed-since', 'no-such-branch']);
    expect(badRef.code).toBe(2);
    expect(badRef.stderr).toMatch(/--changed-since: no merge base of "no-such-branch" and HEAD/);
    const plain = await makeTree({ 'a.js': PLAIN });
    const outside = await awaitify(plain, ['--changed-since', 'main']);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/--changed-since: .* is not inside a git work tree/);
  });
});

describe('docs/github-actions.yml', () => {
  const workflow = readFileSync(path.join(projectRoot, 'docs/github-actions.yml'), 'utf8');
  const commands = workflow
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('npx awaitify '));

  it('checks out the full history, runs on pull requests, comments and uploads SARIF', () => {
    expect(workflow).toMatch(/on:\n\s+pull_request:/);
    expect(workflow).toMatch(/fetch-depth: 0/);
    expect(workflow).toMatch(/BASE_REF: origin\/\$\{\{ github\.base_ref \}\}/);
    expect(workflow).toMatch(/gh pr comment .* --body-file awaitify-report\.md/);
    expect(workflow).toMatch(/uses: github\/codeql-action\/upload-sarif@v\d+\n\s+with:\n\s+sarif_file: awaitify\.sarif/);
    expect(commands).toHaveLength(2);
    for (const command of commands) expect(command).toContain('--changed-since "$BASE_REF"');
    expect(commands.some((command) => /--report markdown --report-file awaitify-report\.md/.test(command))).toBe(true);
    expect(commands.some((command) => /--report sarif --report-file awaitify\.sarif/.test(command))).toBe(true);
    expect(commands.some((command) => command.includes('--write'))).toBe(false);
  });

  it("its awaitify commands, run on a two-commit repository, report only the pull request's files and write nothing", async () => {
    const root = await makeTwoCommitRepository();
    for (const command of commands) {
      const script = command.replace(/^npx awaitify /, `"${process.execPath}" "${builtBin}" `);
      const result = spawnSync('bash', ['-c', script], { cwd: root, encoding: 'utf8', env: { ...process.env, BASE_REF: 'main', NO_COLOR: '1', CI: 'true' } });
      expect(result.status, `${command}\n${result.stderr}`).toBe(0);
    }
    const comment = read(root, 'awaitify-report.md');
    expect(comment).toContain('<summary><code>b.js</code></summary>');
    expect(comment).toContain('<summary><code>d.js</code></summary>');
    expect(comment).not.toMatch(/\ba\.js|\bc\.js/);
    const sarif = JSON.parse(read(root, 'awaitify.sarif'));
    const uris = new Set(sarif.runs[0].results.map((result: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => result.locations[0].physicalLocation.artifactLocation.uri));
    expect([...uris].sort()).toEqual(['b.js', 'd.js']);
    // A dry run: the working tree holds only the two reports as new files.
    const status = execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' });
    expect(status.split('\n').filter(Boolean).sort()).toEqual(['?? awaitify-report.md', '?? awaitify.sarif']);
  });
});

describe('config file', () => {
  it('awaitify.config.json sets ignore globs, allowed ids and failOn; the command line overrides', async () => {
    const root = await makeTree({
      'awaitify.config.json': JSON.stringify({ ignore: ['vendor'], failOn: 'warning', transforms: ['callbacks-to-async'] }),
      'a.js': CALLBACK_SAMPLE,
      'vendor/v.js': CALLBACK_SAMPLE,
    });
    const fromConfig = await awaitify(root, ['--report', 'json']);
    expect(JSON.parse(fromConfig.stdout).files.map((file: { path: string }) => file.path)).toEqual(['a.js']);
    expect(fromConfig.code).toBe(1);
    const overridden = await awaitify(root, ['--report', 'json', '--fail-on', 'error', '--ignore', 'nothing']);
    expect(overridden.code).toBe(0);
    expect(JSON.parse(overridden.stdout).files.map((file: { path: string }) => file.path)).toEqual(['a.js', 'vendor/v.js']);
  });

  it('reads the awaitify key of package.json, from a directory above', async () => {
    const root = await makeTree({ 'package.json': JSON.stringify({ name: 'app', awaitify: { ignore: ['skip.js'] } }), 'src/skip.js': CALLBACK_SAMPLE, 'src/a.js': PLAIN });
    const { stdout } = await awaitify(path.join(root, 'src'), ['--report', 'json']);
    expect(JSON.parse(stdout).files.map((file: { path: string }) => file.path)).toEqual(['a.js']);
  });

  it('--config names the file to use', async () => {
    const root = await makeTree({ 'ci/awaitify.json': JSON.stringify({ failOn: 'info' }), 'a.js': CALLBACK_SAMPLE });
    expect((await awaitify(root, ['--config', 'ci/awaitify.json'])).code).toBe(1);
    expect((await awaitify(root, [])).code).toBe(0);
  });

  it.each([
    [{ 'awaitify.config.json': '{"ignore": ["x"], "colour": true}' }, /awaitify\.config\.json: unknown key "colour" \(known: transforms, ignore, allow/],
    [{ 'package.json': '{"awaitify": {"failon": "error"}}' }, /package\.json#awaitify: unknown key "failon"/],
    [{ 'awaitify.config.json': '{"api": "sync"}' }, /"api" must be one of dual, promise \(got "sync"\)/],
    [{ 'awaitify.config.json': '{"ignore": [1]}' }, /"ignore" must be a string or a list of strings/],
    [{ 'awaitify.config.json': '{"ignore": ' }, /awaitify\.config\.json: not valid JSON/],
    [{ 'awaitify.config.json': '{}', 'package.json': '{"awaitify": {}}' }, /both configure awaitify; keep one/],
    [{ 'awaitify.config.json': '{"allow": ["timing/nope"]}' }, /Unknown rule id "timing\/nope"/],
  ])('exits 2 with a clear message for a bad config %#', async (files, message) => {
    const root = await makeTree({ ...files, 'a.js': PLAIN });
    const { code, stdout, stderr } = await awaitify(root, []);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
  });

  it('--config pointing nowhere exits 2', async () => {
    const root = await makeTree({ 'a.js': PLAIN });
    const { code, stderr } = await awaitify(root, ['--config', 'missing.json']);
    expect(code).toBe(2);
    expect(stderr).toContain('--config missing.json: no such file');
  });
});

describe('awaitify-ignore-next-line', () => {
  it('reads rule ids, commas, reasons and block comments; only comments alone on their line count', () => {
    const source = [
      '// awaitify-ignore-next-line timing/a, timing/b -- because',
      'x();',
      '  /* awaitify-ignore-next-line */',
      'y();',
      "const s = '// awaitify-ignore-next-line timing/c';",
      '',
    ].join('\n');
    expect(findSuppressions(source)).toEqual([
      { line: 1, target: 2, ruleIds: ['timing/a', 'timing/b'] },
      { line: 3, target: 4, ruleIds: [] },
    ]);
  });

  it('with a rule id: silences that finding on the next line, keeps the rewrite, counts it', async () => {
    const source = CALLBACK_SAMPLE.replace('  if (err) throw err;', '  // awaitify-ignore-next-line timing/throw-becomes-rejection\n  if (err) throw err;');
    const result = transformSource(source, { path: 'a.js' });
    expect(result.status).toBe('changed');
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['timing/callback-moved-to-microtask']);
    expect(result.suppressed?.map((finding) => `${finding.line} ${finding.ruleId}`)).toEqual(['4 timing/throw-becomes-rejection']);
    const root = await makeTree({ 'a.js': source, 'b.js': source });
    const report = JSON.parse((await awaitify(root, ['--report', 'json'])).stdout);
    expect(report.summary.suppressed).toBe(2);
    expect(report.summary.findingsByRule['timing/throw-becomes-rejection']).toBeUndefined();
  });

  it('with another rule id: silences nothing', () => {
    const source = `// awaitify-ignore-next-line timing/name-conflict\n${CALLBACK_SAMPLE.split('\n').slice(1).join('\n')}`;
    const result = transformSource(`const fs = require('fs');\n${source}`, { path: 'a.js' });
    expect(result.suppressed).toBeUndefined();
    expect(result.findings.some((finding) => finding.ruleId === 'timing/callback-moved-to-microtask')).toBe(true);
  });

  it('without a rule id on a refused spot: silences its findings', () => {
    const source = "const fs = require('fs');\n// awaitify-ignore-next-line\nfs.watch('.', () => { console.log('changed'); });\n";
    const result = transformSource(source, { path: 'w.js' });
    expect(result.findings).toEqual([]);
    expect(result.suppressed?.map((finding) => finding.ruleId)).toEqual(['timing/api-not-promisable']);
  });

  it('without a rule id on a spot a transform rewrites: that spot is left as it was, the rest converts', async () => {
    const sample = CALLBACK_SAMPLE.split('\n').slice(1).join('\n');
    const source = `const fs = require('fs');\n// awaitify-ignore-next-line\n${sample}${sample}`;
    const result = transformSource(source, { path: 'a.js' });
    expect(result.status).toBe('changed');
    // The marked call is still a callback call, the one after it became an await.
    expect(result.output).toContain(`// awaitify-ignore-next-line\n${sample.split('\n')[0]}`);
    expect(result.output).toContain('await fsp.readFile(');
    expect(result.suppressed?.map((finding) => finding.ruleId)).toEqual(['timing/ignored-by-comment']);
    const root = await makeTree({ 'a.js': source });
    const written = await awaitify(root, ['--write']);
    expect(written.code).toBe(0);
    expect(read(root, 'a.js')).toBe(result.output);
  });
});
