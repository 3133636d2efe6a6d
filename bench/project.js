'use strict';
// A generated project for the project-mode case of bench/run.js: groups of modules whose
// callback APIs are called from other files, through every path project mode follows
// (aliased and destructured requires, re-exports, `export *`, a class on a typed field, an
// interface), in CommonJS .js, ES module .mjs and TypeScript .ts, with a tsconfig.json
// (allowJs) that `tsc --noEmit` checks cleanly. Deterministic: every run measures the same text.

const fs = require('fs');
const path = require('path');

function group(i) {
  const n = String(i).padStart(3, '0');
  return {
    [`lib/store${n}.js`]: `'use strict';
const fs = require('fs');
const path = require('path');

const dir = path.join(__dirname, '..', 'data');

function read${n}(id, cb) {
  fs.readFile(path.join(dir, id + '.txt'), 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text.trim());
  });
}

function size${n}(id, cb) {
  fs.stat(path.join(dir, id + '.txt'), (err, info) => {
    if (err) return cb(err);
    cb(null, info.size);
  });
}

module.exports = { read${n}, size${n} };
`,
    [`lib/index${n}.js`]: `'use strict';
module.exports = require('./store${n}');
`,
    [`app/service${n}.js`]: `'use strict';
const { read${n}: fetch${n}, size${n} } = require('../lib/store${n}');
const all = require('../lib/index${n}');

function describe${n}(id, cb) {
  fetch${n}(id, (err, text) => {
    if (err) return cb(err);
    size${n}(id, (sizeErr, size) => {
      if (sizeErr) return cb(sizeErr);
      cb(null, id + ': ' + text.length + '/' + size);
    });
  });
}

function again${n}(id, cb) {
  all.read${n}(id, (err, text) => {
    if (err) return cb(err);
    cb(null, text.toUpperCase());
  });
}

module.exports = { describe${n}, again${n} };
`,
    [`esm/notes${n}.mjs`]: `import { readFile } from 'node:fs';

export function note${n}(name, cb) {
  readFile(new URL('../data/' + name + '.txt', import.meta.url), 'utf8', (err, text) => {
    if (err) return cb(err);
    cb(null, text.trim());
  });
}
`,
    [`esm/index${n}.mjs`]: `export * from './notes${n}.mjs';
`,
    [`esm/use${n}.mjs`]: `import * as notes from './index${n}.mjs';

notes.note${n}('a', (err, text) => {
  if (err) {
    console.log('failed', err.code);
    return;
  }
  console.log('note', text);
});
`,
    [`ts/source${n}.ts`]: `import { readFile } from 'fs';

export interface Source${n} {
  get(id: string, cb: (err: Error | null, text?: string) => void): void;
}

export class FileSource${n} implements Source${n} {
  constructor(private readonly dir: string) {}

  get(id: string, cb: (err: Error | null, text?: string) => void): void {
    readFile(this.dir + '/' + id + '.txt', 'utf8', (err, text) => {
      if (err) return cb(err);
      cb(null, text.trim());
    });
  }
}
`,
    [`ts/reader${n}.ts`]: `import type { Source${n} } from './source${n}';

export class Reader${n} {
  constructor(private readonly source: Source${n}) {}

  title(id: string, cb: (err: Error | null, title?: string) => void): void {
    this.source.get(id, (err, text) => {
      if (err) return cb(err);
      cb(null, (text ?? '').split('\\n')[0]);
    });
  }
}
`,
    [`ts/main${n}.ts`]: `import { FileSource${n} } from './source${n}';
import { Reader${n} } from './reader${n}';

const reader = new Reader${n}(new FileSource${n}(__dirname + '/../data'));

reader.title('a', (err, title) => {
  if (err) throw err;
  console.log('title', title);
});
`,
    [`app/main${n}.js`]: `'use strict';
const { describe${n}, again${n} } = require('./service${n}');

describe${n}('a', (err, line) => {
  if (err) {
    console.log('failed', err.code);
    return;
  }
  console.log(line);
  again${n}('a', (err, text) => {
    if (err) throw err;
    console.log(text);
  });
});
console.log('started ${n}');
`,
  };
}

/**
 * Writes the project into `root`: `groups` groups of 10 files. Returns its files (paths relative
 * to root) and total size.
 */
function buildProject(root, groups) {
  const files = {
    'package.json': JSON.stringify({ name: 'bench-project', private: true }, null, 2) + '\n',
    'tsconfig.json': JSON.stringify(
      {
        compilerOptions: { target: 'ES2022', module: 'node16', moduleResolution: 'node16', allowJs: true, checkJs: false, strict: true, noEmit: true, skipLibCheck: true, types: ['node'] },
        include: ['lib', 'app', 'esm', 'ts'],
      },
      null,
      2,
    ) + '\n',
    'data/a.txt': 'first line\nsecond line\n',
  };
  for (let i = 0; i < groups; i++) Object.assign(files, group(i));
  let bytes = 0;
  const sources = [];
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    if (/\.(js|mjs|ts)$/.test(name)) {
      sources.push(name);
      bytes += Buffer.byteLength(text);
    }
  }
  return { files: sources, bytes };
}

module.exports = { buildProject };

const { spawnSync } = require('child_process');
const os = require('os');
const { performance } = require('perf_hooks');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** One command line from a cold start, as a user runs it; throws when it fails. */
function timeCommand(args, cwd) {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (result.status !== 0 && !(result.status === 1 && args.includes('--check'))) {
    throw new Error(`bench: ${args.join(' ')} exited ${result.status}: ${result.stderr || result.stdout}`);
  }
  return { ms, stdout: result.stdout };
}

/**
 * The project-mode case: on a generated project, in the same run and from cold starts,
 * `tsc --noEmit` against awaitify's dry run without and with `--project`. Project mode's
 * own cost is the difference of the two awaitify runs.
 */
function measureProjectMode({ repo, groups, reps }) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'awaitify-bench-project-'));
  try {
    const built = buildProject(root, groups);
    fs.symlinkSync(path.join(repo, 'node_modules'), path.join(root, 'node_modules'), 'dir');
    const tsc = path.join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
    const bin = path.join(repo, 'dist', 'bin', 'awaitify.js');
    const variants = [
      { id: 'tsc', label: 'tsc --noEmit (the project type-checked)', args: [tsc, '-p', 'tsconfig.json', '--noEmit'] },
      { id: 'awaitify', label: 'awaitify --no-project --no-cross-file (each file alone)', args: [bin, '--no-project', '--no-cross-file', '--report', 'json'] },
      { id: 'project', label: 'awaitify --project (callers across files)', args: [bin, '--project', 'tsconfig.json', '--report', 'json'] },
    ];
    const samples = Object.fromEntries(variants.map((variant) => [variant.id, []]));
    let report;
    for (let rep = 0; rep < reps; rep++) {
      for (const variant of variants) {
        const { ms, stdout } = timeCommand(variant.args, root);
        samples[variant.id].push(ms);
        if (variant.id === 'project') report = JSON.parse(stdout);
      }
    }
    const rows = variants.map((variant) => ({ id: variant.id, label: variant.label, medianMs: median(samples[variant.id]), samplesMs: samples[variant.id].map(Math.round) }));
    const [tscMs, aloneMs, projectMs] = rows.map((row) => row.medianMs);
    const project = report.summary.project;
    return {
      files: built.files.length,
      bytes: built.bytes,
      reps,
      rows,
      // What project mode adds to a run, and the whole run with it, against tsc --noEmit.
      overheadVsTsc: (projectMs - aloneMs) / tscMs,
      runVsTsc: projectMs / tscMs,
      // Files of the project that changed (the package helper module the run creates aside).
      converted: { changed: report.files.filter((file) => file.status === 'changed' && !file.created).length, apis: project.apis.length, callersConverted: project.callersConverted, callersLeft: project.callersLeft.length, interfacesUpdated: project.interfacesUpdated },
    };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

module.exports.measureProjectMode = measureProjectMode;
