import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { structuredPatch } from 'diff';
import { afterAll, describe, expect, it } from 'vitest';
import { transformSource } from '../src/engine/transform-source';
import { conversionNotes, findSites } from '../src/timing/sites';
import type { FileResult, Finding, TransformSourceOptions } from '../src/types';
import { discoverFixtures, fixtureOptions, readText } from './helpers/fixtures';
import { projectRoot, runAwaitify, spawnAwaitify } from './helpers/cli';
import { makeTree, removeTrees } from './temp-trees';

afterAll(removeTrees);


interface Sample {
  name: string;
  source: string;
  options: TransformSourceOptions;
}

/** Every fixture that rewrites, and every example file: the inputs the transforms are known to convert. */
const samples: Sample[] = [
  ...discoverFixtures()
    .filter((fixture) => fixture.hasOutput)
    .map((fixture) => {
      const source = readText(fixture.inputPath);
      return { name: fixture.id, source, options: { path: fixture.inputFileName, transforms: [fixture.transformId], ...fixtureOptions(source) } };
    }),
  ...readdirSync(path.join(projectRoot, 'examples'))
    .filter((name) => /\.(c?js|mjs)$/.test(name))
    .map((name) => ({ name: `examples/${name}`, source: readFileSync(path.join(projectRoot, 'examples', name), 'utf8'), options: { path: name } })),
];

/**
 * Source lines (1-based) that the dry run's diff removes or rewrites, ignoring indentation:
 * code that only moved into an async flow is not a rewrite of its own.
 */
function rewrittenLines(result: FileResult): Set<number> {
  const lines = new Set<number>();
  if (result.status !== 'changed') return lines;
  const patch = structuredPatch('a', 'b', result.source!, result.output!, '', '', { context: 0, ignoreWhitespace: true });
  for (const hunk of patch.hunks) {
    let line = hunk.oldStart;
    for (const text of hunk.lines) {
      if (text.startsWith('-')) lines.add(line);
      if (!text.startsWith('+')) line++;
    }
  }
  return lines;
}

function touches(span: { line: number; endLine: number }, rewritten: Set<number>): boolean {
  for (let line = span.line; line <= span.endLine; line++) if (rewritten.has(line)) return true;
  return false;
}

const conversionRules = ['timing/callback-moved-to-microtask', 'timing/interval-to-loop', 'timing/delay-helper-replaced', 'timing/chain-to-await', 'timing/promise-wrapper-replaced'];

describe('awaitify scan counts exactly the spots a dry run rewrites', () => {
  it('has samples', () => {
    expect(samples.length).toBeGreaterThan(20);
  });

  it.each(samples.map((sample) => [sample.name, sample] as const))('%s', (_, sample) => {
    const dryRun = transformSource(sample.source, sample.options);
    const scan = transformSource(sample.source, { ...sample.options, analyze: true });
    // The scan runs the same rewrite: same outcome, same findings.
    expect(scan.status).toBe(dryRun.status);
    expect(scan.output).toBe(dryRun.output);
    expect(scan.findings).toEqual(dryRun.findings);

    const converted = scan.scan!.sites.filter((site) => site.converted);
    expect(converted.length > 0, 'a file with converted spots is a file the dry run changes').toBe(dryRun.status === 'changed');
    const rewritten = rewrittenLines(dryRun);
    // Each counted spot is code the dry run rewrites...
    for (const site of converted) expect(touches(site, rewritten), `${site.ruleId} at ${site.line}:${site.column} is not changed by the dry run`).toBe(true);
    // ...and each conversion the dry run reports on code it rewrote is counted, once. (A spot
    // that is also refused was left in place: its conversion finding is the dual API's note
    // that the callback it still passes now runs later.)
    // A refusal stands against the same transform's conversion at that spot, not another's.
    const refused = new Set(dryRun.findings.filter((finding) => !finding.applied).map((finding) => `${finding.transform} ${finding.line}:${finding.column}`));
    const rewrites = dryRun.findings.filter(
      (finding) =>
        finding.applied && conversionRules.includes(finding.ruleId) && !conversionNotes.has(finding.messageId ?? '') && touches(finding, rewritten) && !refused.has(`${finding.transform} ${finding.line}:${finding.column}`),
    );
    const keys = converted.map((site) => `${site.transform} ${site.line}:${site.column}`);
    expect(new Set(keys).size, 'no spot counted twice').toBe(keys.length);
    expect(keys.sort()).toEqual(rewrites.map((finding) => `${finding.transform} ${finding.line}:${finding.column}`).sort());
  });
});

describe('awaitify scan: what it lists', () => {
  const zalgo = [
    "const fs = require('fs');",
    'const cache = new Map();',
    'function load(file, cb) {',
    '  if (cache.has(file)) return cb(null, cache.get(file));',
    "  fs.readFile(file, 'utf8', (err, text) => {",
    '    if (err) return cb(err);',
    '    cache.set(file, text);',
    '    cb(null, text);',
    '  });',
    '}',
    'function twice(file, cb) {',
    "  fs.readFile(file, 'utf8', cb);",
    '  fs.stat(file, cb);',
    '}',
    "fs.stat('a', (err, a) => {",
    '  if (err) throw err;',
    "  fs.stat('b', (err2, b) => {",
    '    if (err2) throw err2;',
    "    fs.stat('c', (err3, c) => {",
    '      if (err3) throw err3;',
    '      console.log(a.size + b.size + c.size);',
    '    });',
    '  });',
    '});',
    'setTimeout(() => {',
    "  console.log('one');",
    "  setTimeout(() => console.log('two'), 10);",
    '}, 10);',
    '',
  ].join('\n');

  const result = transformSource(zalgo, { path: 'zalgo.js', analyze: true });
  const scan = result.scan!;

  it('functions that call back synchronously on some path: converted and flagged, refused with --strict', () => {
    expect(scan.syncCallbacks.map((site) => [site.line, site.ruleId, site.converted])).toEqual([[3, 'timing/sync-callback-now-async', true]]);
    const strict = transformSource(zalgo, { path: 'zalgo.js', analyze: true, strict: true }).scan!;
    expect(strict.syncCallbacks.map((site) => [site.line, site.ruleId, site.converted])).toEqual([[3, 'timing/sync-callback-now-async', false]]);
  });

  it('callbacks that can be called twice', () => {
    expect(scan.multipleCalls.map((site) => [site.line, site.ruleId])).toEqual([[11, 'timing/multiple-callback-calls']]);
  });

  it('pyramids with their depth and what the transforms do inside', () => {
    expect(scan.pyramids).toEqual([
      expect.objectContaining({ line: 15, column: 1, depth: 3, converted: 3, refused: 0 }),
    ]);
  });

  it('timer chains with their depth', () => {
    expect(scan.timerChains).toEqual([expect.objectContaining({ line: 25, column: 1, depth: 2 })]);
  });

  it('totals: callback code, what converts automatically, what needs a person', () => {
    expect(scan.totals).toMatchObject({ converted: scan.sites.filter((s) => s.converted).length, needsPerson: scan.sites.filter((s) => !s.converted).length });
    expect(scan.totals.needsPerson).toBeGreaterThanOrEqual(2);
    expect(scan.totals.converted).toBeGreaterThanOrEqual(3);
    expect(scan.totals.callbackLines).toBeGreaterThanOrEqual(scan.totals.convertedLines + scan.totals.needsPersonLines);
    expect(scan.totals).toMatchObject({ pyramids: 1, deepestPyramid: 3, timerChains: 1, syncCallbacks: 1, multipleCalls: 1 });
  });

  it('the built command prints a readable summary and writes nothing', async () => {
    const root = await makeTree({ 'src/zalgo.js': zalgo, 'plain.js': 'let a = 1;\n' });
    const { code, stdout, stderr } = spawnAwaitify(root, ['scan', '.']);
    expect(code, stderr).toBe(0);
    expect(readFileSync(path.join(root, 'src/zalgo.js'), 'utf8')).toBe(zalgo);
    expect(stdout).not.toContain('+++ b/');
    expect(stdout).toContain('src/zalgo.js\n');
    expect(stdout).toMatch(/pyramid 15:1, depth 3: 3 convert/);
    expect(stdout).toContain('timer chain 25:1, depth 2');
    expect(stdout).toMatch(/calls back synchronously on some path: 3:1 timing\/sync-callback-now-async/);
    expect(stdout).toMatch(/can call back twice: 11:1 timing\/multiple-callback-calls/);
    expect(stdout).toMatch(/Callback code: \d+ callback spots \(\d+ lines\): \d+ convert automatically \(\d+ lines\), \d+ need a person/);
    expect(stdout).not.toContain('plain.js');
  });
});

describe('awaitify scan examples', () => {
  it('agrees with the dry run on which files change, and totals add up', async () => {
    // In this process: each run of the built command over examples/ cost 3 s of CPU, and the
    // command's own handling of scan is spawned above.
    const scan = JSON.parse((await runAwaitify(projectRoot, ['scan', 'examples', '--report', 'json'])).stdout);
    const dryRun = JSON.parse((await runAwaitify(projectRoot, ['examples', '--report', 'json'])).stdout);
    // The package helper module the dry run would create is no file of the scan.
    const changed = (report: { files: Array<{ path: string; status: string; created?: boolean }> }) =>
      report.files.filter((file) => file.status === 'changed' && !file.created).map((file) => file.path);
    expect(changed(scan)).toEqual(changed(dryRun));
    expect(scan.summary.scan.filesToChange).toBe(changed(dryRun).length);
    const perFile = scan.files.reduce((sum: number, file: { scan: { totals: { converted: number } } }) => sum + file.scan.totals.converted, 0);
    expect(scan.summary.scan.converted).toBe(perFile);
    expect(scan.summary.scan.converted).toBeGreaterThan(0);
    expect(scan.summary.scan.pyramids).toBeGreaterThan(0);
  });
});

describe('findSites (the analysis API)', () => {
  const finding = (overrides: Partial<Finding>): Finding => ({
    ruleId: 'timing/callback-moved-to-microtask',
    severity: 'info',
    message: 'm',
    path: 'a.js',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 9,
    transform: 'callbacks-to-async',
    applied: true,
    ...overrides,
  });
  const replaced = { type: 'CallExpression' };
  const leftInPlace = { type: 'CallExpression' };
  const inTree = (node: unknown) => node === leftInPlace;

  it('infers spots: refusals, and conversions whose node the rewrite replaced', () => {
    const sites = findSites(
      [
        { finding: finding({ line: 1 }), node: replaced },
        { finding: finding({ line: 2 }), node: leftInPlace },
        { finding: finding({ line: 3, ruleId: 'timing/throw-becomes-rejection' }), node: { type: 'Identifier' } },
        { finding: finding({ line: 4, ruleId: 'timing/api-not-promisable', applied: false }), node: leftInPlace },
        { finding: finding({ line: 5, ruleId: 'timing/interval-to-loop', transform: 'timers-to-async' }), node: { type: 'CallExpression' } },
      ],
      inTree,
    );
    expect(sites.map((site) => [site.line, site.kind, site.converted])).toEqual([
      [1, 'callback-call', true],
      [4, 'callback-call', false],
      [5, 'timer', true],
    ]);
  });

  it("takes a transform's word when it marks its spots", () => {
    const sites = findSites(
      [
        { finding: finding({ line: 1 }), node: replaced, site: 'callback-function' },
        { finding: finding({ line: 2 }), node: replaced },
        { finding: finding({ line: 3, ruleId: 'timing/api-not-promisable', applied: false }), node: leftInPlace },
      ],
      inTree,
    );
    expect(sites.map((site) => [site.line, site.kind, site.converted])).toEqual([[1, 'callback-function', true]]);
  });
});
