import { parseArgs } from 'node:util';
import { defaultJobs, formatStats, foundDir, fuzz, shownAt } from './fuzz';

/**
 * `npm run fuzz -- --count N --seed S --jobs J [--shrink-seconds T] [--no-save] [--print] [--strict | --multi-file]`:
 * generates N programs from seed S, judges each (oracle.ts) with at most J node processes at
 * once, prints the figures and exits 1 when a program fails. `--print` only prints the programs;
 * `--strict` rewrites with awaitify --strict and requires exactly equal traces; `--multi-file`
 * splits each program over two files and rewrites them as a package (package-oracle.ts).
 */
const usage = 'usage: npm run fuzz -- [--count N] [--seed S] [--jobs J] [--shrink-seconds T] [--no-save] [--print] [--strict | --multi-file]';

function integer(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${name} must be a whole number, got ${value}\n${usage}`);
  return parsed;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string' },
      seed: { type: 'string' },
      jobs: { type: 'string' },
      'shrink-seconds': { type: 'string' },
      'no-save': { type: 'boolean' },
      print: { type: 'boolean' },
      strict: { type: 'boolean' },
      'multi-file': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const count = integer(values.count, 100, 'count');
  const seed = integer(values.seed, Date.now() % 1_000_000, 'seed');
  const jobs = Math.max(1, integer(values.jobs, defaultJobs(), 'jobs'));
  const strict = values.strict ?? false;
  const multiFile = values['multi-file'] ?? false;
  if (strict && multiFile) throw new Error(`--strict and --multi-file do not go together yet\n${usage}`);
  if (values.print) {
    for (let index = 0; index < count; index += 1) console.log(shownAt(seed + index, { jobs, strict, multiFile }));
    return 0;
  }
  console.log(`fuzz: ${count} programs from seed ${seed}, ${jobs} jobs${strict ? ', --strict (exact traces)' : ''}${multiFile ? ', two files a program' : ''}`);
  const stats = await fuzz({
    count,
    seed,
    jobs,
    strict,
    multiFile,
    shrinkSeconds: integer(values['shrink-seconds'], 60, 'shrink-seconds'),
    saveDir: values['no-save'] ? undefined : foundDir,
    onProgram: (done, verdict, seed) => {
      if (verdict.kind === 'failed') console.log(`  seed ${seed}: ${verdict.reason}`);
      if (done % 100 === 0) console.log(`  ${done} done`);
    },
  });
  console.log(formatStats(stats));
  return stats.failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    console.error(error.message);
    process.exitCode = 2;
  },
);
