'use strict';
// Runs a package's own tests before and after a rewrite of its library files and says whether
// anything changed. Used by bench/real/suites.js and by the tests (with tiny packages).
//
// Runners (suite.runner):
//   mocha  node node_modules/mocha/bin/_mocha --reporter tap [suite.args] <suite.files>
//   tap    node <file>, for each file (old tap test files print TAP themselves)
//   node   node --test --test-reporter=tap <suite.files>
// Every test process gets NODE_OPTIONS=--unhandled-rejections=strict, so an unhandled
// rejection is an uncaught exception, which mocha reports as a failure ("Uncaught ...") and
// which ends a plain node process with a stack and "Node.js v..". Both are counted as
// markers in the output, and so is a test process that exits non-zero where it did not before.

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const TAP_LINE = /^\s*(not )?ok\b\s*\d*\s*(?:-\s*)?(.*)$/;
const MARKERS = [/uncaught/gi, /unhandled.?(promise.?)?rejection/gi, /^Node\.js v\d+/gm];
const DEFAULT_TIMEOUT_MS = 120_000;

function runProcess(args, cwd, timeoutMs) {
  return new Promise((resolve) => {
    const nodeOptions = `${process.env.NODE_OPTIONS || ''} --unhandled-rejections=strict`.trim();
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, NODE_OPTIONS: nodeOptions, NO_COLOR: '1', FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let timedOut = false;
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ output, exitCode: timedOut ? 'timeout' : code === null ? signal : code });
    });
  });
}

function commands(suite) {
  if (suite.runner === 'mocha') {
    // Excluded tests do not run: mocha's --grep over their names, inverted.
    const names = (suite.exclude || []).map((entry) => entry.test.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const grep = names.length > 0 ? ['--grep', names.join('|'), '--invert'] : [];
    return [['node_modules/mocha/bin/_mocha', '--reporter', 'tap', ...grep, ...(suite.args || []), ...suite.files]];
  }
  if (suite.runner === 'tap') return suite.files.map((file) => [file, ...(suite.args || [])]);
  if (suite.runner === 'node') return [['--test', '--test-reporter=tap', ...(suite.args || []), ...suite.files]];
  throw new Error(`unknown test runner ${suite.runner} (mocha, tap or node)`);
}

/** Pass and fail counts from TAP output; tests named in suite.exclude are not counted. */
function countTap(output, exclude = []) {
  let passed = 0;
  let failed = 0;
  const failures = [];
  for (const line of output.split(/\r?\n/)) {
    const match = TAP_LINE.exec(line);
    if (!match || /#\s*(skip|todo)\b/i.test(match[2])) continue;
    const name = match[2].trim();
    if (exclude.some((entry) => name.includes(entry.test))) continue;
    if (match[1]) {
      failed++;
      failures.push(name);
    } else passed++;
  }
  return { passed, failed, failures };
}

const countMarkers = (output) => MARKERS.reduce((sum, pattern) => sum + (output.match(pattern) || []).length, 0);

/** One run of the whole suite in dir: { passed, failed, failures, markers, exitCodes, seconds, output }. */
async function runTests(dir, suite) {
  const started = process.hrtime.bigint();
  const result = { passed: 0, failed: 0, failures: [], markers: 0, exitCodes: [], output: '' };
  for (const args of commands(suite)) {
    const { output, exitCode } = await runProcess(args, dir, suite.timeoutMs || DEFAULT_TIMEOUT_MS);
    const counts = countTap(output, suite.exclude);
    result.passed += counts.passed;
    result.failed += counts.failed;
    result.failures.push(...counts.failures);
    result.markers += countMarkers(output);
    result.exitCodes.push(exitCode);
    result.output += `$ node ${args.join(' ')}\n${output}\n`;
  }
  result.seconds = Number((Number(process.hrtime.bigint() - started) / 1e9).toFixed(2));
  return result;
}

/** A copy of the package without node_modules; node_modules, when there, is a link to the original. */
function copyPackage(from, to) {
  fs.cpSync(from, to, { recursive: true, filter: (source) => path.relative(from, source) !== 'node_modules' });
  const modules = path.join(from, 'node_modules');
  if (fs.existsSync(modules)) fs.symlinkSync(fs.realpathSync(modules), path.join(to, 'node_modules'), 'dir');
}

/**
 * The tests of packageDir, `runs` times before and once after rewrite(dir, lib) on a copy.
 * Each run starts from a fresh copy. Resolves to { ok, reasons, before: [runs], after, rewrite }.
 */
async function runSuite({ packageDir, lib, suite, rewrite, runs = 3, keep = false }) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'awaitify-suite-'));
  try {
    const pristine = path.join(root, 'pristine');
    copyPackage(packageDir, pristine);
    const runOnCopy = async (from, name) => {
      const dir = path.join(root, name);
      copyPackage(from, dir);
      const result = await runTests(dir, suite);
      if (!keep) fs.rmSync(dir, { recursive: true, force: true });
      return result;
    };
    const before = [];
    for (let i = 0; i < runs; i++) before.push(await runOnCopy(pristine, `before-${i + 1}`));
    const rewritten = path.join(root, 'rewritten');
    copyPackage(pristine, rewritten);
    const rewriteInfo = await rewrite(rewritten, lib);
    const after = await runOnCopy(rewritten, 'after');
    return { ...judge(before, after), before: before.map(brief), after: brief(after), afterOutput: after.output, rewrite: rewriteInfo, ...(keep && { dir: root }) };
  } finally {
    if (!keep) fs.rmSync(root, { recursive: true, force: true });
  }
}

const brief = ({ passed, failed, failures, markers, exitCodes, seconds }) => ({ passed, failed, failures, markers, exitCodes, seconds });

/** Passes only when every pass count is the same and the rewrite brought no new uncaught error or crash. */
function judge(before, after) {
  const reasons = [];
  const passes = before.map((run) => run.passed);
  if (passes.some((count) => count !== passes[0])) reasons.push(`pass counts differ between the runs before the rewrite (${passes.join(', ')}): exclude the unstable test by name`);
  if (passes[0] === 0) reasons.push('no test passed before the rewrite: the suite does not run');
  if (after.passed !== passes[0]) reasons.push(`${after.passed} passed after the rewrite, ${passes[0]} before`);
  const markersBefore = Math.max(...before.map((run) => run.markers));
  if (after.markers > markersBefore) reasons.push(`${after.markers - markersBefore} new uncaught exception or unhandled rejection marker(s) in the output`);
  after.exitCodes.forEach((code, i) => {
    if (code !== 0 && before.every((run) => run.exitCodes[i] === 0)) reasons.push(`test process ${i + 1} exited ${code} after the rewrite, 0 before`);
  });
  const newFailures = after.failures.filter((name) => !before.some((run) => run.failures.includes(name)));
  if (newFailures.length > 0) reasons.push(`new failures: ${newFailures.slice(0, 5).join('; ')}`);
  return { ok: reasons.length === 0, reasons };
}

module.exports = { runSuite, runTests, countTap, countMarkers, judge, copyPackage };
