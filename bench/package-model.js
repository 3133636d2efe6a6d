#!/usr/bin/env node
'use strict';
// Cost of the package model (src/analysis/) against a dry run of awaitify over the same package.
//
//   npm run build && node bench/package-model.js <package dir>...
//
// Give unpacked npm packages (`npm pack name@version` into a cache directory outside the
// repository, then `tar xzf`), with `--lib <dir>` to run over that folder of each package (as
// bench:real does) instead of the whole package. For each: the median of 3 dry runs with
// `crossFile: false` (--no-cross-file: no model), the median of 3 dry runs with cross-file
// conversion on (the default: model, summaries and the files transformed again), what that
// adds, the median of 3 model builds (every file of the package read, parsed, summarised), the
// model's share of the dry run, and the heap the model holds when built (after a GC when
// node runs with --expose-gc). Also the share of calls with an inline error-first callback
// whose callee is resolved, and the most frequent unresolved callees.

const path = require('path');
const { performance } = require('perf_hooks');

const dist = path.resolve(__dirname, '..', 'dist', 'src');
const { run } = require(path.join(dist, 'engine', 'run.js'));
const { buildPackageModel } = require(path.join(dist, 'analysis', 'package-model.js'));

const REPS = 3;

async function median(fn) {
  const times = [];
  let value;
  for (let i = 0; i < REPS; i++) {
    const start = performance.now();
    value = await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], value };
}

function heapUsed() {
  if (global.gc) global.gc();
  return process.memoryUsage().heapUsed;
}

async function measure(dir, lib) {
  const root = path.resolve(dir);
  const paths = [lib && require('fs').existsSync(path.join(root, lib)) ? path.join(root, lib) : root];
  const dry = await median(() => run({ paths, cwd: root, project: false, crossFile: false }));
  const crossFile = await median(() => run({ paths, cwd: root, project: false }));
  const before = heapUsed();
  const model = await median(() => buildPackageModel(root));
  const heldBytes = heapUsed() - before;
  const calls = model.value.inlineCallbackCalls;
  const top = Object.entries(calls.unresolvedByName).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([name, n]) => `${name} ×${n}`);
  return {
    package: path.basename(root),
    files: model.value.filesRead,
    dryRunMs: Math.round(dry.ms),
    crossFileMs: Math.round(crossFile.ms),
    modelMs: Math.round(model.ms),
    share: dry.ms > 0 ? model.ms / dry.ms : 0,
    heldMb: global.gc ? heldBytes / 1e6 : undefined,
    apis: model.value.apis.length,
    resolved: `${calls.resolved}/${calls.total}`,
    topUnresolved: top.join(', '),
  };
}

async function main() {
  const argv = process.argv.slice(2);
  const libAt = argv.indexOf('--lib');
  const lib = libAt >= 0 ? argv[libAt + 1] : undefined;
  const dirs = argv.filter((arg, i) => !arg.startsWith('--') && !(libAt >= 0 && i === libAt + 1));
  if (dirs.length === 0) {
    process.stderr.write('usage: node bench/package-model.js <package dir>...\n');
    process.exitCode = 2;
    return;
  }
  const rows = [];
  for (const dir of dirs) rows.push(await measure(dir, lib));
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  const header = ['package', 'files', 'dry run ms (--no-cross-file)', 'cross-file ms', 'added', 'model ms', 'model/dry', 'held MB', 'APIs', 'resolved', 'top unresolved'];
  const lines = rows.map((row) => [
    row.package, String(row.files), String(row.dryRunMs), String(row.crossFileMs), `${Math.round(((row.crossFileMs - row.dryRunMs) / row.dryRunMs) * 100)}%`, String(row.modelMs), `${Math.round(row.share * 100)}%`,
    row.heldMb === undefined ? '-' : row.heldMb.toFixed(1), String(row.apis), row.resolved, row.topUnresolved,
  ]);
  const total = rows.reduce((sum, row) => ({ dry: sum.dry + row.dryRunMs, crossFile: sum.crossFile + row.crossFileMs, model: sum.model + row.modelMs }), { dry: 0, crossFile: 0, model: 0 });
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i].length)));
  const format = (cells) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd();
  process.stdout.write(`${[format(header), ...lines.map(format)].join('\n')}\n`);
  process.stdout.write(`total: dry runs ${total.dry} ms with --no-cross-file, ${total.crossFile} ms with cross-file conversion (+${Math.round(((total.crossFile - total.dry) / total.dry) * 100)}%); models alone ${total.model} ms (${Math.round((total.model / total.dry) * 100)}% of the dry runs)\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
