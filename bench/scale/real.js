#!/usr/bin/env node
'use strict';
// npm run bench:scale: the scale comparison (bench/scale/compare.js) over one tree holding a
// copy of every bench:real package, dry runs over their library paths:
//   jscodeshift parse-only at --cpus <cores>, awaitify (default --jobs), --jobs 1, --cache twice.
//
//   AWAITIFY_BENCH_CACHE=/work/bench-cache npm run bench:scale
//   npm run bench:scale -- --reps 5 --cores 2 --json

const fs = require('fs');
const os = require('os');
const { buildRealTree } = require('./real-tree');
const { compareAtEqualCores, formatComparison } = require('./compare');

function parseArgs(argv) {
  const options = { reps: 3, cores: os.availableParallelism(), json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--reps') options.reps = Number(argv[++i]);
    else if (arg === '--cores') options.cores = Number(argv[++i]);
    else if (arg === '--json') options.json = true;
    else {
      console.error('usage: npm run bench:scale -- [--reps N (default 3)] [--cores N (default: the machine\'s)] [--json]');
      process.exit(2);
    }
  }
  if (!(options.reps >= 1 && options.cores >= 1)) {
    console.error('bench:scale: --reps and --cores take positive numbers');
    process.exit(2);
  }
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const tree = buildRealTree();
  try {
    const result = await compareAtEqualCores({ cwd: tree.root, paths: tree.paths, cores: options.cores, reps: options.reps });
    if (options.json) console.log(JSON.stringify({ node: process.version, paths: tree.paths.length, ...result }, null, 2));
    else console.log(`bench:real packages (${tree.paths.length} library paths, one tree), node ${process.version}\n${formatComparison(result)}`);
  } finally {
    fs.rmSync(tree.root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`bench:scale: ${error.stack}`);
  process.exitCode = 1;
});
