#!/usr/bin/env node
'use strict';
// npm run bench:suites: the packages of packages.json that have a "suite" run their own tests
// three times, awaitify --write rewrites their library files (packages.json "lib": never
// tests, fixtures or bin/), the tests run again; the run passes only when every pass count is
// the same and no new uncaught exception or unhandled rejection shows (suite-runner.js).
//
//   npm run bench:suites
//   npm run bench:suites -- --only nedb --keep
//   npm run bench:suites -- --identity               (no rewrite: checks the suites themselves)
//   npm run bench:suites -- --allow timing/unknown-callee   (awaitify options pass through)
//   node bench/real/suites.js --make-locks           (writes bench/real/locks/, needs the network)

const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { loadPackages, unpacked, cacheDir, id, npm } = require('./cache');
const { listLibFiles, countTree } = require('./tree');
const { convertedApis } = require('./counter');
const { runAwaitify, summarizeReport, checkBuilt } = require('./awaitify-cli');
const { runSuite } = require('./suite-runner');
const { formatTable } = require('./table');
const { pool } = require('./pool');

const locksDir = path.join(__dirname, 'locks');
const lockPath = (pkg) => path.join(locksDir, `${id(pkg)}.package-lock.json`);
const defaultOut = path.join(__dirname, 'last-suites.json');

function parseArgs(argv) {
  const options = { jobs: Math.max(1, Math.min(2, os.cpus().length)), only: undefined, out: defaultOut, keep: false, identity: false, makeLocks: false, runs: 3, awaitifyArgs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--only') options.only = argv[++i].split(',');
    else if (arg === '--out') options.out = path.resolve(argv[++i]);
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--identity') options.identity = true;
    else if (arg === '--make-locks') options.makeLocks = true;
    else if (arg === '--runs') options.runs = Number(argv[++i]);
    else if (arg === '--jobs') options.jobs = Number(argv[++i]);
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: npm run bench:suites -- [--only a,b] [--jobs N] [--runs N] [--identity] [--keep] [--out file.json] [--make-locks] [awaitify options...]');
      process.exit(0);
    } else options.awaitifyArgs.push(arg);
  }
  return options;
}

/** package-lock.json for the package's dependencies and devDependencies, from the registry. */
function makeLock(pkg) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'awaitify-lock-'));
  try {
    fs.cpSync(unpacked(pkg), work, { recursive: true });
    execFileSync(npm, ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: work, stdio: 'ignore' });
    fs.mkdirSync(locksDir, { recursive: true });
    fs.copyFileSync(path.join(work, 'package-lock.json'), lockPath(pkg));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The package with node_modules installed by `npm ci` from its committed lock file (once per lock). */
function installed(pkg) {
  if (!fs.existsSync(lockPath(pkg))) throw new Error(`${lockPath(pkg)} missing: node bench/real/suites.js --make-locks`);
  const lock = fs.readFileSync(lockPath(pkg));
  const stamp = crypto.createHash('sha256').update(lock).digest('hex');
  const dir = path.join(cacheDir(), 'suites', id(pkg));
  const stampFile = path.join(dir, '.awaitify-lock-sha256');
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) return dir;
  process.stderr.write(`installing the test dependencies of ${pkg.name}@${pkg.version} (npm ci, once per lock file)\n`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(unpacked(pkg), dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package-lock.json'), lock);
  execFileSync(npm, ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  fs.writeFileSync(stampFile, stamp);
  return dir;
}

/** The rewrite under test: awaitify --write on the library files, counted before and after. */
function awaitifyRewrite(awaitifyArgs) {
  return async (dir, lib) => {
    const files = listLibFiles(dir, lib);
    const before = countTree(dir, files);
    const run = await runAwaitify(dir, lib, awaitifyArgs);
    if (!run.report) throw new Error(`awaitify exited ${run.exitCode} without a report: ${run.stderr}`);
    const after = countTree(dir, files);
    const apis = convertedApis(before.functions, after.functions);
    const summary = summarizeReport(run.report);
    return { files: files.length, filesChanged: summary.filesChanged, callbackApis: apis.total, callbackApisConverted: apis.converted, convertedApiNames: apis.names, errFirstBefore: before.counts.errFirst, errFirstAfter: after.counts.errFirst };
  };
}

const identityRewrite = async (dir, lib) => ({ files: listLibFiles(dir, lib).length, filesChanged: 0, callbackApis: 0, callbackApisConverted: 0, convertedApiNames: [] });

async function main() {
  const options = parseArgs(process.argv.slice(2));
  let packages = loadPackages().filter((pkg) => pkg.suite);
  if (options.only) packages = packages.filter((pkg) => options.only.includes(pkg.name));
  if (options.makeLocks) {
    for (const pkg of packages) makeLock(pkg);
    console.log(`wrote ${packages.length} lock files under ${path.relative(process.cwd(), locksDir)}`);
    return;
  }
  if (!options.identity) checkBuilt();
  const rewrite = options.identity ? identityRewrite : awaitifyRewrite(options.awaitifyArgs);
  const dirs = new Map(packages.map((pkg) => [pkg, installed(pkg)])); // npm ci one at a time, before the clock
  const started = process.hrtime.bigint();
  const results = await pool(packages, options.jobs, async (pkg) => {
    const result = await runSuite({ packageDir: dirs.get(pkg), lib: pkg.lib, suite: pkg.suite, rewrite, runs: options.runs, keep: options.keep });
    if (!result.ok) process.stderr.write(`${pkg.name}: tests after the rewrite:\n${result.afterOutput.split('\n').slice(-40).join('\n')}\n`);
    return { package: `${pkg.name}@${pkg.version}`, excluded: [...(pkg.suite.exclude || []), ...(pkg.suite.excludedFiles || [])], ...result };
  });
  const wallSeconds = Number((Number(process.hrtime.bigint() - started) / 1e9).toFixed(1));
  const header = ['package', 'passed before (x3)', 'passed after', 'failed b/a', 'uncaught b/a', 'cb APIs conv/all', 'files chg', 'tests s', 'verdict'];
  const rows = results.map((r) => [
    r.package,
    r.before.map((run) => run.passed).join(' '),
    r.after.passed,
    `${r.before[0].failed}/${r.after.failed}`,
    `${Math.max(...r.before.map((run) => run.markers))}/${r.after.markers}`,
    `${r.rewrite.callbackApisConverted}/${r.rewrite.callbackApis}`,
    `${r.rewrite.filesChanged}/${r.rewrite.files}`,
    (r.before.reduce((sum, run) => sum + run.seconds, 0) + r.after.seconds).toFixed(1),
    r.ok ? 'same' : 'CHANGED',
  ]);
  console.log(formatTable(header, rows));
  console.log('');
  for (const r of results) for (const reason of r.reasons) console.log(`${r.package}: ${reason}`);
  const failed = results.filter((r) => !r.ok).length;
  const mode = options.identity ? 'identity rewrite' : `awaitify --write ${options.awaitifyArgs.join(' ')}`.trim();
  console.log(`${results.length} suites, ${mode}: ${failed === 0 ? 'all the same after the rewrite' : `${failed} changed`} (${wallSeconds} s wall time); JSON: ${path.relative(process.cwd(), options.out)}`);
  const json = { mode, awaitifyArgs: options.awaitifyArgs, node: process.version, wallSeconds, ok: failed === 0, suites: results.map(({ afterOutput, ...rest }) => rest) };
  fs.writeFileSync(options.out, `${JSON.stringify(json, null, 2)}\n`);
  if (failed > 0) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`bench:suites: ${error.message}`);
    process.exitCode = 1;
  });
}

module.exports = { awaitifyRewrite, identityRewrite };
