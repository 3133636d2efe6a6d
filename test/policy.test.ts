import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/engine/run';
import { transformSource } from '../src/engine/transform-source';
import { formatReport } from '../src/report/format';
import { getRuleOrThrow, listRules } from '../src/timing/rules';
import { discoverFixtures, fixtureOptions, readText, type Fixture } from './helpers/fixtures';
import { makeTree, removeTrees } from './temp-trees';

// The conversion policy (src/engine/policy.ts): refuse what changes results, convert and flag
// what only moves timing; --strict keeps the proven-only behaviour; the Node floor is reported.

const repo = path.resolve(__dirname, '..');
const builtBin = path.join(repo, 'dist', 'bin', 'awaitify.js');
const jscodeshiftBin = path.join(repo, 'node_modules', '.bin', 'jscodeshift');

afterAll(removeTrees);

/** `<name>-flagged` fixtures show a convert-and-flag rule converting by default. */
const isFlaggedFixture = (fixture: Fixture) => fixture.name.endsWith('-flagged');

function transformFixture(fixture: Fixture, extra: { strict?: boolean }) {
  const source = readText(fixture.inputPath);
  return transformSource(source, { path: fixture.inputFileName, transforms: [fixture.transformId], ...fixtureOptions(source), ...extra });
}

describe('the rule table', () => {
  it('gives every rule a policy, and exactly the timing-only rules convert and flag', () => {
    const byPolicy = (policy: string) => listRules().filter((rule) => rule.policy === policy).map((rule) => rule.id).sort();
    expect(byPolicy('convert-and-flag')).toEqual(['timing/microtask-ticks-changed', 'timing/next-tick-ordering', 'timing/promise-receiver-unknown', 'timing/sync-callback-now-async', 'timing/unknown-callee']);
    for (const id of ['timing/multiple-callback-calls', 'timing/callback-stored-or-escaping', 'timing/event-emitter-callback', 'timing/value-used-after-call', 'timing/callback-uses-this']) {
      expect(getRuleOrThrow(id).policy, id).toBe('refuse');
    }
    for (const rule of byPolicy('convert-and-flag')) expect(getRuleOrThrow(rule).severity, rule).toBe('warning');
  });

  it('docs/rules.md states each rule\'s policy as the table does', async () => {
    const docs = await fs.readFile(path.join(repo, 'docs', 'rules.md'), 'utf8');
    const words = { report: 'report', refuse: 'refuse', 'convert-and-flag': 'convert and flag' };
    for (const rule of listRules()) {
      const section = docs.split(`\n## ${rule.id}\n`)[1]?.split('\n## ')[0] ?? '';
      expect(section, rule.id).toContain(`**Policy:** ${words[rule.policy]} (`);
    }
  });
});

describe('--strict reproduces the proven-only output on every fixture', () => {
  const fixtures = discoverFixtures();
  it('finds flagged fixtures for each convert-and-flag rule', () => {
    const flagged = fixtures.filter(isFlaggedFixture);
    const rules = new Set(flagged.flatMap((fixture) => transformFixture(fixture, {}).findings.filter((f) => f.applied).map((f) => f.ruleId)));
    for (const id of ['timing/next-tick-ordering', 'timing/sync-callback-now-async', 'timing/unknown-callee', 'timing/microtask-ticks-changed', 'timing/promise-receiver-unknown']) expect(rules.has(id), id).toBe(true);
  });

  for (const fixture of fixtures) {
    it(fixture.id, () => {
      const strict = transformFixture(fixture, { strict: true });
      if (isFlaggedFixture(fixture)) {
        const byDefault = transformFixture(fixture, {});
        // By default it converts with an applied convert-and-flag finding; strict refuses that spot.
        const flags = byDefault.findings.filter((f) => f.applied && getRuleOrThrow(f.ruleId).policy === 'convert-and-flag');
        expect(flags.length, 'default run flags the spot').toBeGreaterThan(0);
        for (const flag of flags) expect(flag.message.length, flag.ruleId).toBeGreaterThan(40);
        expect(strict.output ?? readText(fixture.inputPath)).not.toBe(byDefault.output);
        const refused = strict.findings.filter((f) => !f.applied).map((f) => f.ruleId);
        expect(refused.some((id) => flags.some((flag) => flag.ruleId === id)), `strict refuses with ${flags.map((f) => f.ruleId)}`).toBe(true);
        return;
      }
      if (fixture.hasOutput) expect(strict.output, 'the expected output, byte for byte').toBe(readText(fixture.outputPath));
      else expect(strict.status).toBe('unchanged');
    });
  }
});

const callbackCode = `const fs = require('fs');
fs.readFile('input.txt', 'utf8', (err, text) => {
  if (err) throw err;
  console.log(text.length);
});
setTimeout(() => {
  console.log('one');
  setTimeout(() => console.log('two'), 20);
}, 10);
`;

describe('the Node floor', () => {
  it('converts whatever engines.node says, and reports the floor the output needs', async () => {
    const root = await makeTree({ 'package.json': JSON.stringify({ name: 'old', engines: { node: '>=0.8' } }), 'lib/a.js': callbackCode });
    const report = await run({ paths: ['lib'], cwd: root });
    expect(report.files[0].status).toBe('changed');
    expect(report.files[0].output).toContain("require('fs/promises')");
    expect(report.summary.nodeFloor).toEqual({ major: 16, feature: 'setTimeout and setImmediate from timers/promises', path: 'lib/a.js', engines: '>=0.8', outdated: true });
    const text = formatReport(report, 'text', { color: false });
    expect(text).toContain('The rewritten files need Node >= 16');
    expect(text).toContain('package.json allows ">=0.8": update engines.node to ">=16"');
    const json = JSON.parse(formatReport(report, 'json'));
    expect(json.summary.nodeFloor.major).toBe(16);
    const sarif = JSON.parse(formatReport(report, 'sarif'));
    expect(sarif.runs[0].properties.nodeFloor.outdated).toBe(true);
    expect(formatReport(report, 'markdown')).toContain('update engines.node');
  });

  it('says when engines.node already allows only what the output needs', async () => {
    const root = await makeTree({ 'package.json': JSON.stringify({ name: 'new', engines: { node: '>=18' } }), 'a.js': callbackCode });
    const report = await run({ paths: ['a.js'], cwd: root });
    expect(report.summary.nodeFloor).toMatchObject({ major: 16, engines: '>=18', outdated: false });
  });

  it('--respect-engines and --strict refuse what engines.node does not have', async () => {
    const root = await makeTree({ 'package.json': JSON.stringify({ name: 'old', engines: { node: '>=0.8' } }), 'a.js': callbackCode });
    for (const options of [{ respectEngines: true }, { strict: true }]) {
      const report = await run({ paths: ['a.js'], cwd: root, transforms: ['callbacks-to-async'], ...options });
      expect(report.files[0].status).toBe('unchanged');
      expect(report.files[0].findings.map((f) => f.ruleId)).toContain('timing/unsupported-node-version');
    }
  });

  it('--node-version 12 writes require(fs).promises and refuses APIs Node 12 lacks', async () => {
    const root = await makeTree({ 'a.js': callbackCode, 'b.js': "const fs = require('fs');\nfs.rm('x', (err) => {\n  if (err) throw err;\n  console.log('gone');\n});\n" });
    const report = await run({ paths: ['.'], cwd: root, transforms: ['callbacks-to-async'], nodeVersion: '12' });
    const [a, b] = report.files;
    expect(a.output).toContain("require('fs').promises");
    expect(report.summary.nodeFloor).toMatchObject({ major: 10, outdated: true });
    expect(b.status).toBe('unchanged');
    expect(b.findings.map((f) => f.ruleId)).toContain('timing/unsupported-node-version');
    await expect(run({ paths: ['.'], cwd: root, nodeVersion: 'soon' })).rejects.toThrow('Invalid Node version range "soon"');
  });
});

function spawn(command: string, args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [command, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', NODE_OPTIONS: '' }, timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const unknownCallee = `const client = require('./client');
client.query('select 1', (err, rows) => {
  if (err) throw err;
  console.log(rows);
});
console.log('after');
`;

describe('the command line and the jscodeshift entry take the same policy', () => {
  const cases: Array<{ title: string; flags: string[]; jscodeshiftFlags: string[] }> = [
    { title: 'default', flags: [], jscodeshiftFlags: [] },
    { title: '--strict', flags: ['--strict'], jscodeshiftFlags: ['--strict=true'] },
    { title: '--node-version 12', flags: ['--node-version', '12'], jscodeshiftFlags: ['--node-version=12'] },
  ];
  const files = { 'package.json': JSON.stringify({ name: 'pkg', engines: { node: '>=0.10' } }), 'a.js': callbackCode, 'b.js': unknownCallee };

  for (const { title, flags, jscodeshiftFlags } of cases) {
    it(`${title}: byte for byte`, async () => {
      const viaCli = await makeTree(files);
      const cli = spawn(builtBin, ['a.js', 'b.js', '-t', 'callbacks-to-async', '--write', ...flags], viaCli);
      expect(cli.status, cli.stderr).toBe(0);
      const viaJscodeshift = await makeTree(files);
      const transform = path.join(repo, 'dist', 'transforms', 'callbacks-to-async.js');
      const shift = spawn(jscodeshiftBin, ['-t', transform, 'a.js', 'b.js', '--fail-on-error', ...jscodeshiftFlags], viaJscodeshift);
      expect(shift.status, shift.stderr).toBe(0);
      expect(await fs.readFile(path.join(viaJscodeshift, 'a.js'), 'utf8'), 'a.js').toBe(await fs.readFile(path.join(viaCli, 'a.js'), 'utf8'));
      // The command line imports fromCallback from the package helper module it creates; the
      // jscodeshift entry cannot create a file, so it declares the helper: all else is the same.
      const helperImport = "const { fromCallback } = require('./awaitify-helpers.js');\n";
      const helperDeclaration = /\/\/ awaitify: a promise of what an error-first callback receives[^\n]*\nfunction fromCallback\(start\) \{\n[\s\S]*?\n\}\n/;
      const shifted = await fs.readFile(path.join(viaJscodeshift, 'b.js'), 'utf8');
      const written = await fs.readFile(path.join(viaCli, 'b.js'), 'utf8');
      expect(shifted.replace(helperDeclaration, ''), 'b.js').toBe(written.replace(helperImport, ''));
      const b = written;
      if (title === '--strict') {
        expect(b).toBe(unknownCallee);
        // engines.node >=0.10 is the floor under --strict: fs.readFile has no promise form there.
        expect(await fs.readFile(path.join(viaCli, 'a.js'), 'utf8')).not.toContain('fs/promises');
      } else {
        expect(b).toContain(helperImport);
        expect(shifted).toMatch(helperDeclaration);
        expect(await fs.readFile(path.join(viaCli, 'awaitify-helpers.js'), 'utf8')).toContain('function fromCallback(start)');
      }
    });
  }

  it('rejects an unreadable --node-version with exit 2', async () => {
    const root = await makeTree({ 'a.js': callbackCode });
    const result = spawn(builtBin, ['a.js', '--node-version', 'soon'], root);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Invalid Node version range "soon"');
  });
});
