#!/usr/bin/env node
'use strict';
// npm run bench:real: awaitify --write, default options, over a copy of each package of
// packages.json; counts before and after (counter.js), a table, JSON, and the change
// against baseline.json. See bench/real/README.md.
//
//   npm run bench:real
//   npm run bench:real -- --allow timing/unknown-callee     (any awaitify option passes through)
//   npm run bench:real -- --only glob,nedb --jobs 1 --keep
//   npm run bench:real -- --write-baseline                  (on purpose only: freezes these figures)

const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { repo, loadPackages, unpacked, id } = require('./cache');
const { listLibFiles, countTree } = require('./tree');
const { convertedApis, zeroCounts, addCounts } = require('./counter');
const { runAwaitify, summarizeReport, checkBuilt } = require('./awaitify-cli');
const { formatTable, withDelta } = require('./table');
const { pool } = require('./pool');
const { NOISE, measureNoise, zeroNoise } = require('./noise');
const { apisLeft, reasonTable } = require('./apis-left');

const baselinePath = path.join(__dirname, 'baseline.json');
const defaultOut = path.join(__dirname, 'last-run.json');

function parseArgs(argv) {
  const options = { jobs: Math.max(1, Math.min(2, os.cpus().length)), only: undefined, out: defaultOut, keep: false, writeBaseline: false, awaitifyArgs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--jobs') options.jobs = Number(argv[++i]);
    else if (arg === '--only') options.only = argv[++i].split(',');
    else if (arg === '--out') options.out = path.resolve(argv[++i]);
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--write-baseline') options.writeBaseline = true;
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: npm run bench:real -- [--jobs N] [--only a,b] [--out file.json] [--keep] [--write-baseline] [awaitify options...]');
      process.exit(0);
    } else options.awaitifyArgs.push(arg);
  }
  if (!(options.jobs >= 1)) throw new Error('--jobs takes a positive number');
  return options;
}

/** One package: copy, count, awaitify --write, count again. */
async function benchPackage(pkg, options, source = unpacked(pkg)) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `awaitify-bench-real-${pkg.name}-`));
  try {
    fs.cpSync(source, work, { recursive: true });
    const files = listLibFiles(work, pkg.lib);
    const everyFileBefore = new Set(listLibFiles(work, ['.']));
    const before = countTree(work, files);
    const run = await runAwaitify(work, pkg.lib, options.awaitifyArgs);
    const after = countTree(work, files);
    const created = listLibFiles(work, ['.']).filter((file) => !everyFileBefore.has(file));
    const noise = measureNoise({
      ...Object.fromEntries(files.map((file) => [file, { before: before.texts[file], after: after.texts[file] }])),
      ...Object.fromEntries(created.map((file) => [file, { before: undefined, after: fs.readFileSync(path.join(work, file), 'utf8') }])),
    });
    const summary = summarizeReport(run.report);
    const apis = convertedApis(before.functions, after.functions);
    const problems = [...summary.fileErrors, ...after.parseErrors.map((error) => `output does not parse: ${error}`)];
    if (!run.report) problems.push(`awaitify exited ${run.exitCode} without a JSON report: ${run.stderr.trim().split('\n').slice(-3).join(' / ')}`);
    if ((pkg.tags || []).includes('middleware-control') && (after.counts.middlewareConverted > 0 || after.counts.middleware < before.counts.middleware)) {
      problems.push(`negative control: ${after.counts.middlewareConverted} middleware function(s) became async, ${before.counts.middleware - after.counts.middleware} lost their (req, res, next) form`);
    }
    return {
      package: `${pkg.name}@${pkg.version}`,
      control: (pkg.tags || []).includes('middleware-control'),
      files: files.length,
      filesChanged: summary.filesChanged,
      before: before.counts,
      after: after.counts,
      noise: noise.counts,
      noiseByFile: noise.files,
      created,
      callbackApis: apis.total,
      callbackApisConverted: apis.converted,
      convertedApiNames: apis.names,
      // Each callback API left, with the refusals found inside it (apis-left.js).
      apisLeft: apisLeft(before.functions, apis.names, run.report, work),
      refused: summary.refused,
      applied: summary.applied,
      // Why each async IIFE left inside a function stayed one: the report's iife* findings, by message.
      iifesKept: iifesKeptOf(run.report),
      // The package model's share: calls with an inline error-first callback whose callee resolves (absent with --no-cross-file).
      inlineCallbacks: inlineCallbacksOf(run.report),
      awaitifyExitCode: run.exitCode,
      seconds: Number(run.seconds.toFixed(2)),
      problems,
      ...(options.keep && { copy: work }),
    };
  } finally {
    if (!options.keep) fs.rmSync(work, { recursive: true, force: true });
  }
}

const IIFE_KEPT = /^iife(NotAtTail|HostKind|ThrowBefore|NamesClash|ValueUsed)$/;

/** { messageId: [`file:line name`…] } for the IIFEs a function kept (the finding says why). */
function iifesKeptOf(report) {
  const kept = {};
  for (const file of report ? report.files : []) {
    for (const finding of file.findings || []) {
      if (!finding.applied || !IIFE_KEPT.test(finding.messageId || '')) continue;
      (kept[finding.messageId] = kept[finding.messageId] || []).push(`${path.basename(file.path)}:${finding.line}`);
    }
  }
  return kept;
}

function inlineCallbacksOf(report) {
  const calls = report && report.summary.crossFile ? report.summary.crossFile.inlineCallbackCalls : undefined;
  return calls ? { total: calls.total, resolved: calls.resolved, topUnresolved: calls.topUnresolved } : undefined;
}

/** `resolved/total (share%)`, or `-` when the run had no package model. */
function resolvedShare(calls) {
  if (!calls) return '-';
  return `${calls.resolved}/${calls.total}${calls.total > 0 ? ` (${Math.round((100 * calls.resolved) / calls.total)}%)` : ''}`;
}

function totals(results) {
  const sum = (key) => results.reduce((total, result) => total + result[key], 0);
  const refused = {};
  for (const result of results) for (const [rule, count] of Object.entries(result.refused)) refused[rule] = (refused[rule] || 0) + count;
  return {
    package: 'total',
    files: sum('files'),
    filesChanged: sum('filesChanged'),
    before: results.reduce((total, result) => addCounts(total, result.before), zeroCounts()),
    after: results.reduce((total, result) => addCounts(total, result.after), zeroCounts()),
    noise: results.reduce((total, result) => addCounts(total, result.noise), zeroNoise()),
    callbackApis: sum('callbackApis'),
    callbackApisConverted: sum('callbackApisConverted'),
    apisLeftByReason: reasonTable(results),
    inlineCallbacks: results.every((result) => !result.inlineCallbacks)
      ? undefined
      : { total: results.reduce((n, r) => n + (r.inlineCallbacks ? r.inlineCallbacks.total : 0), 0), resolved: results.reduce((n, r) => n + (r.inlineCallbacks ? r.inlineCallbacks.resolved : 0), 0) },
    refused,
    seconds: Number(sum('seconds').toFixed(2)),
  };
}

const refusalCount = (row) => Object.values(row.refused).reduce((sum, count) => sum + count, 0);

function printTables(run, baseline) {
  const base = (name) => (baseline ? baseline.packages.find((row) => row.package === name) || (name === 'total' ? baseline.total : undefined) : undefined);
  const header = ['package', 'files chg/all', 'err-first', 'cb-fns', 'cb APIs conv/all', 'async fns', 'async IIFEs', 'awaits', 'refused', 'callee resolved', 'awaitify s'];
  const rows = [...run.packages, run.total].map((row) => {
    const old = base(row.package);
    const was = (pick) => (old ? pick(old) : undefined);
    return [
      row.package,
      `${withDelta(row.filesChanged, was((r) => r.filesChanged))}/${row.files}`,
      `${row.before.errFirst} → ${withDelta(row.after.errFirst, was((r) => r.after.errFirst))}`,
      `${row.before.callbackFunctions} → ${withDelta(row.after.callbackFunctions, was((r) => r.after.callbackFunctions))}`,
      `${withDelta(row.callbackApisConverted, was((r) => r.callbackApisConverted))}/${row.callbackApis}`,
      withDelta(row.after.asyncFunctions, was((r) => r.after.asyncFunctions)),
      withDelta(row.after.asyncIifes, was((r) => r.after.asyncIifes)),
      withDelta(row.after.awaits, was((r) => r.after.awaits)),
      withDelta(refusalCount(row), was(refusalCount)),
      resolvedShare(row.inlineCallbacks),
      row.seconds.toFixed(1),
    ];
  });
  console.log(formatTable(header, rows));
  for (const row of run.packages.filter((result) => result.control)) {
    console.log(`negative control ${row.package}: ${row.after.middleware} middleware, ${row.after.middlewareConverted} became async (must stay 0)`);
  }
  console.log('');
  const noiseRows = [...run.packages, run.total].map((row) => {
    const old = base(row.package);
    return [row.package, ...NOISE.map((metric) => withDelta(row.noise[metric.id], old && old.noise ? old.noise[metric.id] : undefined))];
  });
  console.log(formatTable(['noise (see bench/real/README.md)', ...NOISE.map((metric) => metric.header)], noiseRows));
  const unresolved = new Map();
  for (const row of run.packages) {
    for (const { callee, calls } of row.inlineCallbacks ? row.inlineCallbacks.topUnresolved : []) unresolved.set(`${callee} (${row.package})`, calls);
  }
  if (unresolved.size > 0) {
    console.log('');
    const top = [...unresolved].sort((a, b) => b[1] - a[1]).slice(0, 12);
    console.log(formatTable(['unresolved callees of inline error-first callbacks (top)', 'calls'], top.map(([name, calls]) => [name, String(calls)])));
  }
  const reasons = run.total.apisLeftByReason;
  if (reasons.length > 0) {
    console.log('');
    const left = run.total.callbackApis - run.total.callbackApisConverted;
    console.log(`callback APIs left: ${left}, by the refusals found inside each (innermost API; one API may have several, "only" counts those with no other)`);
    const shown = reasons.slice(0, 15);
    const rows = shown.map((row) => [row.reason, String(row.apis), String(row.only), row.example]);
    if (reasons.length > shown.length) rows.push([`… ${reasons.length - shown.length} more reasons (JSON: total.apisLeftByReason)`, '', '', '']);
    console.log(formatTable(['callback APIs left, by reason', 'APIs', 'only', 'example'], rows));
  }
  const kept = new Map();
  for (const row of run.packages) {
    for (const [reason, spots] of Object.entries(row.iifesKept || {})) {
      const entry = kept.get(reason) || { count: 0, example: `${row.package.split('@')[0]} ${spots[0]}` };
      entry.count += spots.length;
      kept.set(reason, entry);
    }
  }
  if (kept.size > 0) {
    console.log('');
    const rows = [...kept].sort((a, b) => b[1].count - a[1].count).map(([reason, entry]) => [reason, String(entry.count), entry.example]);
    console.log(formatTable(['async IIFEs kept inside a function, by reason', 'IIFEs', 'example'], rows));
  }
  const rules = [...new Set([...Object.keys(run.total.refused), ...Object.keys(baseline ? baseline.total.refused : {})])].sort();
  if (rules.length > 0) {
    console.log('');
    console.log(formatTable(['refusals by rule id', 'count'], rules.map((rule) => [rule, withDelta(run.total.refused[rule] || 0, baseline ? baseline.total.refused[rule] || 0 : undefined)])));
  }
}

function gitHead() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  checkBuilt();
  let packages = loadPackages();
  if (options.only) packages = packages.filter((pkg) => options.only.includes(pkg.name));
  if (packages.length === 0) throw new Error('no package selected');
  for (const pkg of packages) unpacked(pkg); // fetch missing tarballs first, one at a time
  const started = process.hrtime.bigint();
  const results = await pool(packages, options.jobs, (pkg) => benchPackage(pkg, options));
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const run = {
    awaitifyCommit: gitHead(),
    awaitifyArgs: options.awaitifyArgs,
    node: process.version,
    wallSeconds: Number(wallSeconds.toFixed(1)),
    packages: results,
    total: totals(results),
  };
  const baseline = fs.existsSync(baselinePath) ? JSON.parse(fs.readFileSync(baselinePath, 'utf8')) : undefined;
  const comparable = baseline && !options.only;
  printTables(run, comparable ? baseline : undefined);
  console.log('');
  if (comparable) {
    const sameArgs = JSON.stringify(baseline.awaitifyArgs) === JSON.stringify(run.awaitifyArgs);
    console.log(`(n) = change against bench/real/baseline.json (awaitify ${baseline.awaitifyCommit}${sameArgs ? '' : `, made with options [${baseline.awaitifyArgs.join(' ')}], this run [${run.awaitifyArgs.join(' ')}]`}).`);
  }
  console.log(`${results.length} packages, ${run.total.files} files in ${run.wallSeconds} s wall time (${options.jobs} at a time); JSON: ${path.relative(process.cwd(), options.out)}`);
  fs.writeFileSync(options.out, `${JSON.stringify(run, null, 2)}\n`);
  if (options.writeBaseline) {
    if (options.only) throw new Error('--write-baseline needs every package (no --only)');
    fs.writeFileSync(baselinePath, `${JSON.stringify(run, null, 2)}\n`);
    console.log(`wrote ${path.relative(process.cwd(), baselinePath)}`);
  }
  const problems = results.flatMap((result) => result.problems.map((problem) => `${result.package}: ${problem}`));
  for (const problem of problems) console.error(`problem: ${problem}`);
  if (problems.length > 0) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`bench:real: ${error.message}`);
    process.exitCode = 1;
  });
}

module.exports = { benchPackage, totals };
