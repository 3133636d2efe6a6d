#!/usr/bin/env node
'use strict';
// Peak memory of the awaitify command over a tree of 1,200 files that holds the odd files real
// trees have: a minified bundle of 980 KB, a generated file over the 1 MB size limit, and a few
// smaller minified files, next to generated callback-era modules (bench/corpus.js).
//
//   npm run bench:memory                  # builds, then: node bench/memory.js
//   node bench/memory.js --compare        # also without the limits (--max-file-size 0 --include-minified)
//   node bench/memory.js --quick --json   # 40 files (the smoke test; --jobs 1 only)
//   node bench/memory.js --jobs 1,2,4      # the --jobs values to measure (default 1,2)
//
// The command runs in a child process as a user runs it (dist/bin/awaitify.js, a dry run, its
// output thrown away); bench/max-rss.js, preloaded with --require, writes the child's peak
// resident set size (process.resourceUsage().maxRSS) when it exits. The run fails (exit 1) when
// the peak with the default limits and --jobs 1 (no worker thread) is over the budget; each
// other --jobs value is measured too, and what its workers add over --jobs 1 printed.

const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { buildCorpus } = require('./corpus');

const repo = path.resolve(__dirname, '..');
const bin = path.join(repo, 'dist', 'bin', 'awaitify.js');
const BUDGET_MB = 300;

function parseArgs(argv) {
  const options = { files: 1200, compare: false, json: false, keep: false, jobs: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') options.files = 40;
    else if (arg === '--jobs') options.jobs = argv[++i].split(',').map(Number);
    else if (arg === '--compare') options.compare = true;
    else if (arg === '--json') options.json = true;
    else if (arg === '--keep') options.keep = true;
    else {
      console.error(`bench/memory: unknown argument ${arg} (known: --quick --compare --json --keep --jobs 1,2)`);
      process.exit(2);
    }
  }
  options.jobs = options.jobs ?? (options.files === 40 ? [1] : [1, 2]);
  if (options.jobs[0] !== 1 || !options.jobs.every((jobs) => Number.isInteger(jobs) && jobs >= 1)) {
    console.error('bench/memory: --jobs takes whole numbers, the first 1 (the budget is for it)');
    process.exit(2);
  }
  return options;
}

/** One line of minified-looking code: callback calls squeezed together, about `bytes` long. */
function minifiedBundle(bytes) {
  const parts = [];
  let size = 0;
  for (let index = 0; size < bytes; index += 1) {
    const part = `fs.readFile(p${index % 97},"utf8",function(e,t){if(e)return c(e);o[${index}]=t.length;n--||c(null,o)});`;
    parts.push(part);
    size += part.length;
  }
  return `!function(){var fs=require("fs"),o={},n=0,c=function(){};${parts.join('')}}();\n`;
}

/** Ordinary short lines, over the size limit. */
function generatedTable(bytes) {
  const line = (index) => `exports.entry${index} = { id: ${index}, name: 'entry-${index}', weight: ${index % 13} };\n`;
  const lines = [];
  let size = 0;
  for (let index = 0; size < bytes; index += 1) {
    lines.push(line(index));
    size += lines[lines.length - 1].length;
  }
  return lines.join('');
}

function buildTree(dir, fileCount) {
  const odd = {
    'vendor/bundle.min.js': minifiedBundle(980 * 1024),
    'generated/table.js': generatedTable(1.5 * 1024 * 1024),
    'vendor/small-1.min.js': minifiedBundle(120 * 1024),
    'vendor/small-2.min.js': minifiedBundle(60 * 1024),
  };
  const wanted = fileCount - Object.keys(odd).length;
  // Generated modules average about 2.5 KB: build enough, then keep `wanted` of them.
  const corpus = buildCorpus(path.join(dir, 'src'), wanted * 3200, path.join(repo, 'examples'));
  if (corpus.files.length < wanted) throw new Error(`bench/memory: the corpus has ${corpus.files.length} files, fewer than ${wanted}`);
  for (const extra of corpus.files.slice(wanted)) fs.rmSync(extra.path);
  for (const [name, text] of Object.entries(odd)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  const bytes = corpus.files.slice(0, wanted).reduce((sum, file) => sum + Buffer.byteLength(file.text), 0);
  return { files: fileCount, bytes: bytes + Object.values(odd).reduce((sum, text) => sum + Buffer.byteLength(text), 0) };
}

function measure(dir, extraArgs) {
  const rssFile = path.join(os.tmpdir(), `awaitify-max-rss-${process.pid}-${Date.now()}`);
  const started = Date.now();
  const child = spawnSync(process.execPath, ['--require', path.join(__dirname, 'max-rss.js'), bin, '.', '--report', 'json', ...extraArgs], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, CI: 'true', NO_COLOR: '1', AWAITIFY_MAX_RSS_FILE: rssFile },
  });
  const seconds = (Date.now() - started) / 1000;
  const maxRssKb = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) : undefined;
  fs.rmSync(rssFile, { force: true });
  let summary;
  let skipped = [];
  try {
    const report = JSON.parse(child.stdout);
    summary = report.summary;
    skipped = report.files.filter((file) => file.status === 'skipped').map((file) => ({ path: file.path, reason: file.reason }));
  } catch {
    summary = undefined; // killed or out of memory: the exit status says so
  }
  return {
    args: extraArgs.join(' ') || '(defaults)',
    exitCode: child.status,
    signal: child.signal,
    seconds: Math.round(seconds * 10) / 10,
    peakMb: maxRssKb === undefined ? undefined : Math.round(maxRssKb / 1024),
    summary,
    skipped,
    stderrTail: child.status === 0 || child.status === 1 ? undefined : child.stderr.split('\n').slice(-5).join('\n'),
  };
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(bin)) {
    console.error('bench/memory: dist/bin/awaitify.js missing: run `npm run build` first (npm run bench:memory does).');
    process.exit(1);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awaitify-bench-memory-'));
  try {
    const tree = buildTree(dir, options.files);
    const runs = options.jobs.map((jobs) => measure(dir, ['--jobs', String(jobs)]));
    if (options.compare) runs.push(measure(dir, ['--jobs', '1', '--max-file-size', '0', '--include-minified']));
    const withinBudget = runs[0].peakMb !== undefined && runs[0].peakMb <= BUDGET_MB;
    if (options.json) {
      console.log(JSON.stringify({ tree, budgetMb: BUDGET_MB, runs }, null, 2));
    } else {
      console.log(`tree: ${tree.files} files, ${(tree.bytes / 1024 / 1024).toFixed(1)} MB (a 980 KB minified bundle, a 1.5 MB generated file, 2 smaller minified files)`);
      console.log('| options | peak RSS | time | scanned | changed | skipped | failed |');
      console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
      for (const run of runs) {
        const s = run.summary ?? {};
        const peak = run.peakMb === undefined ? 'n/a' : `${run.peakMb} MB`;
        console.log(`| ${run.args} | ${peak} | ${run.seconds} s | ${s.scanned ?? '-'} | ${s.changed ?? '-'} | ${s.skipped ?? '-'} | ${s.failed ?? '-'} |`);
        if (run.stderrTail) console.log(`  exit ${run.exitCode ?? run.signal}: ${run.stderrTail}`);
      }
      for (const file of runs[0].skipped) console.log(`skipped ${file.path}: ${file.reason}`);
      for (const [index, jobs] of options.jobs.entries()) {
        if (jobs > 1 && runs[index].peakMb !== undefined && runs[0].peakMb !== undefined) {
          console.log(`--jobs ${jobs}: ${runs[index].peakMb - runs[0].peakMb} MB over --jobs 1, ${Math.round((runs[index].peakMb - runs[0].peakMb) / jobs)} MB a worker`);
        }
      }
      console.log(withinBudget ? `--jobs 1 within the ${BUDGET_MB} MB budget` : `--jobs 1 OVER the ${BUDGET_MB} MB budget`);
    }
    if (!withinBudget) process.exitCode = 1;
  } finally {
    if (options.keep) console.error(`bench/memory: tree kept in ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
