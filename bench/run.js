#!/usr/bin/env node
'use strict';
// Time of awaitify against its floor and against jscodeshift, on a generated corpus of
// callback-era code.
//
//   npm run bench                     # builds, then: node bench/run.js
//   node bench/run.js --size 4 --reps 5
//   node bench/run.js --quick --json  # a small corpus, one repetition (the smoke test)
//
// floor:    what any codemod on this engine pays: split the source frame, parse with the
//           parser the file's extension picks (dist/src/engine/parse.js), wrap it with
//           jscodeshift.withParser, print with recast (dist/src/engine/print.js), no change.
// awaitify: transformSource() from dist/src/index.js over the same texts (a dry run: the
//           transforms, the findings, printing and re-parsing what changed).
// run():    the library's run() over the corpus directory when dist has it (reads files,
//           no writes), so file collection and reports are in the figure too.
// Each variant first runs over an eighth of the corpus to warm up, then whole passes
// interleaved across variants, as many as fit about 40 s (at least 2; run() once); the
// table shows the median.
// scale:    the same corpus as a directory, whole commands, in the same run (bench/scale/compare.js):
//           jscodeshift's parse-only transform at --cpus <cores>, awaitify's dry run with its
//           default --jobs (the cores) and --jobs 1, and awaitify --cache twice; the time ratio
//           awaitify / jscodeshift at equal cores, the cache's speed-up, peak RSS of each.
// project:  on a generated project (bench/project.js, 400 files; 20 with --quick), from cold
//           starts: tsc --noEmit against awaitify --no-project and awaitify --project.

const fs = require('fs');
const os = require('os');
const path = require('path');
const { performance } = require('perf_hooks');
const { buildCorpus } = require('./corpus');
const { measureProjectMode } = require('./project');
const { compareAtEqualCores, formatComparison } = require('./scale/compare');

const repo = path.resolve(__dirname, '..');
const dist = path.join(repo, 'dist', 'src');
// Time against the floor's: 1 is as fast as parse + print, 2 twice as slow.
const RATIO_AIM = 2;
// Repetitions are chosen so that the measured passes take about this long.
const TIME_BUDGET_MS = 40_000;

function parseArgs(argv) {
  const options = { sizeMb: 2.2, reps: undefined, quick: false, json: false, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') options.quick = true;
    else if (arg === '--json') options.json = true;
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--size') options.sizeMb = Number(argv[++i]);
    else if (arg === '--reps') options.reps = Number(argv[++i]);
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: node bench/run.js [--size MB (default 2.2)] [--reps N] [--quick] [--json] [--keep]');
      process.exit(0);
    } else {
      console.error(`bench: unknown argument ${arg}`);
      process.exit(2);
    }
  }
  if (options.quick) {
    // The smoke test's size: enough files of every kind to exercise each variant, small enough
    // that npm test stays short (the measuring runs use the default 2.2 MB).
    options.sizeMb = 0.06;
    options.reps = options.reps || 1;
  }
  if (!(options.sizeMb > 0) || (options.reps !== undefined && !(options.reps >= 1))) {
    console.error('bench: --size and --reps take positive numbers');
    process.exit(2);
  }
  return options;
}

function loadDist() {
  const required = ['index.js', 'engine/parse.js', 'engine/print.js', 'engine/source-text.js'];
  const missing = required.filter((file) => !fs.existsSync(path.join(dist, file)));
  if (missing.length > 0) {
    console.error(`bench: dist/src/${missing.join(', dist/src/')} missing: run \`npm run build\` first (npm run bench does).`);
    process.exit(1);
  }
  try {
    return {
      jscodeshift: require('jscodeshift'),
      library: require(path.join(dist, 'index.js')),
      parse: require(path.join(dist, 'engine', 'parse.js')),
      print: require(path.join(dist, 'engine', 'print.js')),
      sourceText: require(path.join(dist, 'engine', 'source-text.js')),
    };
  } catch (error) {
    console.error(`bench: cannot load dist/ (rebuild with \`npm run build\`): ${error.stack}`);
    process.exit(1);
  }
}

/**
 * The variants to measure. Each processes a list of files once; `run()` gets the corpus
 * directory for a full pass and the files themselves for the warm-up.
 */
function createVariants(engine, corpusDir) {
  const { jscodeshift, library, parse, print, sourceText } = engine;

  function floor(files) {
    let identical = 0;
    for (const file of files) {
      const frame = sourceText.splitSource(file.text);
      const j = jscodeshift.withParser(parse.createParser(parse.resolveParserName('auto', file.path)));
      const output = sourceText.joinSource(frame, print.printRoot(j(frame.body), frame));
      if (output === file.text) identical += 1;
    }
    return { identical };
  }

  function awaitify(files) {
    const statuses = { changed: 0, unchanged: 0, skipped: 0, error: 0 };
    let findings = 0;
    for (const file of files) {
      const result = library.transformSource(file.text, { path: file.path });
      statuses[result.status] = (statuses[result.status] || 0) + 1;
      findings += result.findings.length;
    }
    return { statuses, findings };
  }

  const variants = [
    { id: 'floor', label: 'floor: parse + print, no change', run: floor },
    { id: 'awaitify', label: 'awaitify: transformSource (dry)', run: awaitify },
  ];
  if (typeof library.run === 'function') {
    variants.push({
      id: 'run',
      label: 'awaitify: run() over the directory',
      // A full pass costs as much as the two above together: measured once after its warm-up.
      maxReps: 1,
      run: async (files, whole) => {
        const report = await library.run({ paths: whole ? [corpusDir] : files.map((file) => file.path), cwd: corpusDir });
        return { summary: report.summary };
      },
    });
  }
  return variants;
}

async function timeOnce(variant, files, whole) {
  const start = performance.now();
  const detail = await variant.run(files, whole);
  return { ms: performance.now() - start, detail };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function formatTable(rows) {
  const header = ['variant', 'reps', 'median s', 'files/s', 'MB/s', 'time / floor'];
  const body = rows.map((row) => [
    row.label,
    String(row.reps),
    (row.medianMs / 1000).toFixed(3),
    row.filesPerSecond.toFixed(1),
    row.mbPerSecond.toFixed(2),
    row.ratio.toFixed(2),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column].length)));
  const line = (cells) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...body.map(line)].join('\n');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const engine = loadDist();
  const corpusDir = fs.mkdtempSync(path.join(os.tmpdir(), 'awaitify-bench-'));
  try {
    const corpus = buildCorpus(corpusDir, Math.round(options.sizeMb * 1e6), path.join(repo, 'examples'));
    // The corpus is a package of its own: without a package.json the run's package is whatever
    // folder above has one (the system's temporary folder when another process leaves one there),
    // and the package model then reads that folder's files, which change from run to run.
    fs.writeFileSync(path.join(corpusDir, 'package.json'), `${JSON.stringify({ name: 'awaitify-bench-corpus', version: '1.0.0', private: true }, null, 2)}\n`);
    const megabytes = corpus.bytes / 1e6;
    const byKind = {};
    for (const file of corpus.files) {
      const kind = path.extname(file.path).slice(1);
      byKind[kind] = (byKind[kind] || 0) + 1;
    }
    const variants = createVariants(engine, corpusDir);

    // Warm-up on an eighth of the corpus, which also tells how many repetitions fit the
    // time budget.
    const warmupFiles = corpus.files.slice(0, options.quick ? 5 : Math.max(20, Math.ceil(corpus.files.length / 8)));
    const warmupBytes = warmupFiles.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0);
    const warmups = {};
    let repeatedPassMs = 0;
    let singlePassMs = 0;
    for (const variant of variants) {
      const warm = await timeOnce(variant, warmupFiles, false);
      warmups[variant.id] = warm;
      const estimate = (warm.ms * corpus.bytes) / warmupBytes;
      if (variant.maxReps === 1) singlePassMs += estimate;
      else repeatedPassMs += estimate;
    }
    const fit = Math.floor((TIME_BUDGET_MS - singlePassMs) / repeatedPassMs);
    const reps = options.reps || Math.max(2, Math.min(7, fit));

    const samples = Object.fromEntries(variants.map((variant) => [variant.id, []]));
    const details = {};
    for (let rep = 0; rep < reps; rep++) {
      for (const variant of variants) {
        if (rep >= (variant.maxReps || reps)) continue;
        const { ms, detail } = await timeOnce(variant, corpus.files, true);
        samples[variant.id].push(ms);
        details[variant.id] = detail;
      }
    }

    const floorMs = median(samples.floor);
    const rows = variants.map((variant) => {
      const medianMs = median(samples[variant.id]);
      return {
        id: variant.id,
        label: variant.label,
        medianMs,
        reps: samples[variant.id].length,
        samplesMs: samples[variant.id].map((ms) => Math.round(ms)),
        warmupMs: Math.round(warmups[variant.id].ms),
        filesPerSecond: corpus.files.length / (medianMs / 1000),
        mbPerSecond: megabytes / (medianMs / 1000),
        // Time against the floor's (a time ratio, not a throughput): 2 is twice as slow as parse + print.
        ratio: medianMs / floorMs,
        detail: details[variant.id],
      };
    });

    // --quick (the smoke test) compares over its first 8 files only: whole commands cost seconds each.
    const scalePaths = options.quick ? corpus.files.slice(0, 8).map((file) => path.relative(corpusDir, file.path)) : ['.'];
    const scale = await compareAtEqualCores({ cwd: corpusDir, paths: scalePaths, reps: options.quick ? 1 : 2 });
    const project = measureProjectMode({ repo, groups: options.quick ? 2 : 40, reps: options.quick ? 1 : 3 });
    const result = {
      node: process.version,
      corpus: { files: corpus.files.length, bytes: corpus.bytes, byKind },
      reps,
      rows,
      ratioAim: RATIO_AIM,
      scale,
      project,
    };
    if (options.json) {
      console.log(JSON.stringify(result, null, 2));
    } else {
      const kinds = Object.entries(byKind).map(([kind, count]) => `${count} .${kind}`).join(', ');
      console.log(`corpus: ${corpus.files.length} files (${kinds}), ${megabytes.toFixed(2)} MB; node ${process.version}; median of the passes after a warm-up\n`);
      console.log(formatTable(rows));
      console.log('');
      const floorDetail = details.floor;
      console.log(`floor: ${floorDetail.identical} of ${corpus.files.length} files print back byte for byte`);
      const { statuses, findings } = details.awaitify;
      console.log(`awaitify: ${statuses.changed} changed, ${statuses.unchanged} unchanged, ${statuses.skipped} skipped, ${statuses.error} errors; ${findings} findings`);
      const ratio = rows.find((row) => row.id === 'awaitify').ratio;
      console.log(`awaitify time / floor time = ${ratio.toFixed(2)} (aim: at most ${RATIO_AIM})${ratio > RATIO_AIM ? '  <-- above the aim' : ''}`);
      if (!variants.some((variant) => variant.id === 'run')) console.log('run(): not in dist/src/index.js yet, not measured');
      console.log(`\nscale: whole commands over the corpus directory\n${formatComparison(scale)}`);
      console.log(`\nproject mode: ${project.files} files, ${(project.bytes / 1e6).toFixed(2)} MB; median of ${project.reps} cold starts`);
      for (const row of project.rows) console.log(`  ${row.label.padEnd(44)} ${(row.medianMs / 1000).toFixed(2)} s`);
      console.log(`  project mode adds ${project.overheadVsTsc.toFixed(2)} x tsc --noEmit (aim: at most 2); the whole run takes ${project.runVsTsc.toFixed(2)} x`);
    }
    if (options.keep) console.error(`bench: corpus kept in ${corpusDir}`);
  } finally {
    if (!options.keep) fs.rmSync(corpusDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
