'use strict';
// Times, in the same run over the same files: jscodeshift's parse-only transform at
// `--cpus <cores>`, awaitify's whole dry run with its default --jobs (the cores) and with
// --jobs 1, and awaitify --cache twice (a cold run that fills the cache, then the same tree
// again). Variants alternate over `reps` rounds and each time is the median, so that a shared
// machine's load falls on every variant alike.

const fs = require('fs');
const os = require('os');
const path = require('path');
const { timed } = require('./timed');

const repo = path.resolve(__dirname, '..', '..');
const awaitifyBin = path.join(repo, 'dist', 'bin', 'awaitify.js');
const jscodeshiftBin = path.join(path.dirname(require.resolve('jscodeshift/package.json')), 'bin', 'jscodeshift.js');
const transform = path.join(__dirname, 'parse-only-transform.js');
const extensions = 'js,cjs,mjs,jsx,ts,mts,cts,tsx';

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function variantsFor({ paths, cores, cacheDir }) {
  const awaitify = (...extra) => [process.execPath, [awaitifyBin, ...paths, '--report', 'json', ...extra]];
  return [
    { id: 'jscodeshift', label: `jscodeshift parse-only --cpus ${cores}`, command: () => [process.execPath, [jscodeshiftBin, '-t', transform, '--cpus', String(cores), '--extensions', extensions, '--ignore-pattern', '**/node_modules/**', '--dry', '--silent', '--run-in-band=false', ...paths]] },
    { id: 'awaitify', label: `awaitify dry run (default --jobs = ${cores})`, command: () => awaitify() },
    { id: 'jobs1', label: 'awaitify dry run --jobs 1', command: () => awaitify('--jobs', '1') },
    {
      id: 'cold',
      label: 'awaitify --cache, empty cache',
      before: () => fs.rmSync(cacheDir, { recursive: true, force: true }),
      command: () => awaitify('--cache', '--cache-location', cacheDir),
    },
    { id: 'warm', label: 'awaitify --cache, second run (unchanged tree)', command: () => awaitify('--cache', '--cache-location', cacheDir) },
  ];
}

/** Reports with their timings and the times left out, for comparing --jobs. */
function reportOf(run) {
  try {
    return JSON.parse(run.stdout);
  } catch {
    return undefined;
  }
}

async function compareAtEqualCores({ cwd, paths, cores = os.cpus().length, reps = 3 }) {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'awaitify-scale-cache-'));
  const variants = variantsFor({ paths, cores, cacheDir });
  const samples = Object.fromEntries(variants.map((variant) => [variant.id, []]));
  const reports = {};
  const loads = [];
  try {
    for (let rep = 0; rep < reps; rep++) {
      for (const variant of variants) {
        if (variant.before) variant.before();
        loads.push(os.loadavg()[0]);
        const [command, args] = variant.command();
        const run = await timed(command, args, { cwd });
        if (run.exitCode !== 0 && !(variant.id !== 'jscodeshift' && run.exitCode === 1)) {
          throw new Error(`${variant.label} exited ${run.exitCode}: ${run.stderr.trim().split('\n').slice(-3).join(' / ')}`);
        }
        samples[variant.id].push(run);
        if (variant.id !== 'jscodeshift') reports[variant.id] = reportOf(run);
      }
    }
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
  const rows = variants.map((variant) => ({
    id: variant.id,
    label: variant.label,
    seconds: median(samples[variant.id].map((run) => run.seconds)),
    peakMb: Math.max(...samples[variant.id].map((run) => run.peakMb)),
    processes: samples[variant.id][0].processes,
  }));
  const byId = Object.fromEntries(rows.map((row) => [row.id, row]));
  const same = (a, b) => reports[a] !== undefined && JSON.stringify(stripTimes(reports[a])) === JSON.stringify(stripTimes(reports[b]));
  return {
    cores,
    reps,
    load: { min: Math.min(...loads), max: Math.max(...loads) },
    rows,
    ratio: byId.awaitify.seconds / byId.jscodeshift.seconds,
    ratioJobs1: byId.jobs1.seconds / byId.jscodeshift.seconds,
    cacheSpeedUp: byId.cold.seconds / byId.warm.seconds,
    sameReportAcrossJobs: same('awaitify', 'jobs1'),
    sameReportFromCache: same('awaitify', 'warm'),
  };
}

/** A report without what may differ between equal runs (none today; kept for timings added later). */
function stripTimes(report) {
  return report;
}

function formatComparison(result) {
  const lines = result.rows.map((row) => `  ${row.label.padEnd(48)} ${row.seconds.toFixed(2).padStart(7)} s  ${String(row.peakMb).padStart(5)} MB peak RSS${row.processes > 1 ? ` (sum of ${row.processes} processes)` : ''}`);
  lines.push(`  time ratio awaitify / jscodeshift parse-only at ${result.cores} cores: ${result.ratio.toFixed(2)} (aim: at most 1.0); with --jobs 1: ${result.ratioJobs1.toFixed(2)}`);
  lines.push(`  cache speed-up (empty cache / second run): ${result.cacheSpeedUp.toFixed(1)}x (aim: at least 5x)`);
  lines.push(`  reports identical: --jobs ${result.cores} vs --jobs 1 ${result.sameReportAcrossJobs ? 'yes' : 'NO'}; from the cache ${result.sameReportFromCache ? 'yes' : 'NO'}`);
  lines.push(`  median of ${result.reps} rounds; load average (1 min) during the runs ${result.load.min.toFixed(1)}-${result.load.max.toFixed(1)} on ${os.cpus().length} cores`);
  return lines.join('\n');
}

module.exports = { compareAtEqualCores, formatComparison };
